// Progressive enhancement only: every page works without this file.
document.addEventListener("click", function (event) {
  var printButton = event.target.closest("[data-print]");
  if (printButton) { window.print(); return; }
  var copyButton = event.target.closest("[data-copy]");
  if (copyButton && navigator.clipboard) {
    navigator.clipboard.writeText(copyButton.getAttribute("data-copy")).then(function () {
      var status = document.querySelector(".copy-status");
      if (status) { status.textContent = status.getAttribute("data-copied"); }
    });
  }
});
