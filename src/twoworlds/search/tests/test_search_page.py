"""The search page: results, filters, bad input and distress."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def test_results_for_a_query(client, directory):
    response = client.get("/search", {"q": "dementia"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Memory Lane Carers Café" in page
    assert "Why this matched" in page
    assert "National organisations for this" in page and "Dementia Society UK" in page


def test_no_local_match_puts_national_organisations_first(client, directory):
    page = client.get(
        "/search", {"q": "dementia", "near": "NG1", "distance": "1", "format": "in_person", "day": "sunday"}
    ).content.decode()
    assert "0 groups found" in page
    assert "No local group fits yet. These national organisations can help" in page


def test_an_unknown_place_is_explained(client, directory):
    page = client.get("/search", {"q": "dementia", "near": "Atlantis"}).content.decode()
    assert "We could not find “Atlantis”" in page


def test_a_bad_filter_value_is_a_clear_message_not_an_error(client, directory):
    response = client.get("/search", {"q": "dementia", "day": "someday", "distance": "far"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select a valid choice" in page
    assert 'value="dementia"' in page  # what was typed is kept


def test_a_query_that_reads_as_crisis_shows_help_first(client, directory):
    page = client.get("/search", {"q": "I want to end my life"}).content.decode()
    assert page.index("crisis-box") < page.index("result-count")
    assert "Samaritans" in page


def test_paging(client, directory):
    response = client.get("/search", {"page": "999"})
    assert response.status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=st.dictionaries(
        st.sampled_from(["q", "near", "distance", "day", "time", "format", "language", "category", "page"]),
        st.text(max_size=300),
    )
)
def test_no_search_input_causes_a_server_error(client, directory, params):
    response = client.get("/search", params)
    assert response.status_code in (200, 400)
