"""Crisis contacts are on every page, and each deployment sets its own."""

import json

import pytest

from twoworlds.safety.services import crisis_contacts


@pytest.mark.parametrize("path", ["/", "/search?q=carers", "/issues/", "/help-now/", "/no-such-page/"])
def test_every_page_shows_who_to_call_now(client, db, path):
    page = client.get(path).content.decode()
    assert "Need to talk to someone now?" in page
    assert 'href="tel:999"' in page and "116 123" in page
    assert 'href="/help-now/"' in page


def test_the_help_now_page_lists_every_contact(client, db):
    page = client.get("/help-now/").content.decode()
    for contact in crisis_contacts():
        assert contact["name"] in page


def test_a_deployment_can_set_its_own_contacts(client, db, settings, tmp_path):
    contacts = tmp_path / "crisis.json"
    contacts.write_text(
        json.dumps([{"name": "Lifeline Ireland", "how": "Call 1800 247 247", "href": "tel:1800247247"}])
    )
    settings.CRISIS_CONTACTS_FILE = str(contacts)
    page = client.get("/").content.decode()
    assert "Lifeline Ireland" in page and "116 123" not in page


def test_a_contacts_file_missing_a_field_fails_loudly(settings, tmp_path):
    contacts = tmp_path / "crisis.json"
    contacts.write_text(json.dumps([{"how": "Call 1"}]))
    settings.CRISIS_CONTACTS_FILE = str(contacts)
    with pytest.raises(ValueError, match="lacks name"):
        crisis_contacts()
