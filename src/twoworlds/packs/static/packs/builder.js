// Progressive enhancement for the pack builder: a box that narrows the long list of groups to pick from.
// Without this file every group is listed and the form works the same.
(function () {
  var box = document.querySelector("[data-pack-filter]");
  var list = document.getElementById("id_picked");
  if (!box || !list) { return; }
  var input = box.querySelector("input");
  var status = box.querySelector("[data-pack-filter-status]");
  var items = Array.prototype.slice.call(list.children);
  box.hidden = false;
  function normalise(text) { return text.toLowerCase().replace(/\s+/g, " ").trim(); }
  function update() {
    var words = normalise(input.value).split(" ").filter(Boolean);
    var shown = 0;
    items.forEach(function (item) {
      var text = normalise(item.textContent);
      var ticked = item.querySelector("input:checked");
      var match = ticked || words.every(function (word) { return text.indexOf(word) !== -1; });
      item.hidden = !match;
      if (match) { shown += 1; }
    });
    status.textContent = words.length ? status.getAttribute("data-template")
      .replace("%(shown)s", shown).replace("%(total)s", items.length) : "";
  }
  input.addEventListener("input", update);
  input.addEventListener("keydown", function (event) { if (event.key === "Enter") { event.preventDefault(); } });
})();
