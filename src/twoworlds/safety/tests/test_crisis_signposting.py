"""A distressed search gets crisis help first, calmly, without hiding the results."""

BOX = 'class="crisis-box"'


def test_a_keyword_free_distressed_search_shows_crisis_help_first(client, directory):
    response = client.get("/search", {"q": "everyone would be better off without me"})
    page = response.content.decode()
    assert response.status_code == 200
    assert BOX in page
    assert page.index(BOX) < page.index("result-count")
    assert "Samaritans" in page[page.index(BOX) :]


def test_crisis_help_comes_before_the_groups_and_hides_nothing(client, directory):
    page = client.get(
        "/search", {"q": "caring for my mum with dementia and I can't do this any more"}
    ).content.decode()
    assert BOX in page
    assert page.index(BOX) < page.index("result-count") < page.index("Memory Lane Carers Café")
    assert "The groups below are here too, when you are ready." in page


def test_ordinary_searches_show_no_crisis_box(client, directory):
    for query in ["dementia", "my husband had a stroke and I can't cope", "dying for a cuppa"]:
        page = client.get("/search", {"q": query}).content.decode()
        assert BOX not in page, query
