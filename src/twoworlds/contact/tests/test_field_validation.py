"""Each field is checked for its kind; errors say what to do, sit beside the field and in a summary at the
top, and everything the person typed is still there."""

import pytest

from twoworlds.contact.models import ContactRequest

from .support import EMAIL, MESSAGE, NAME, ask_url, form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "kind, value",
    [
        ("phone", "0115 496 0123"),
        ("phone", "+44 (0)115 496-0123"),
        ("text", "07700 900123"),
        ("text", "+447700900123"),
        ("email", "someone@example.org"),
    ],
)
def test_each_kind_accepts_what_people_type(client, group, contact, kind, value):
    response = client.post(ask_url(group), form_data(reach_kind=kind, reach_value=value))
    assert response.status_code == 200, response.context["form"].errors
    assert ContactRequest.objects.count() == 1


@pytest.mark.parametrize(
    "kind, value, message",
    [
        ("phone", "call me", "Enter a phone number, like 0115 496 0123."),
        ("phone", "0115 49", "Enter a phone number"),
        ("text", "someone@example.org", "Enter a mobile number, like 07700 900123."),
        ("email", "07700 900123", "Enter an email address, like name@example.com."),
        ("email", "someone@", "Enter an email address"),
    ],
)
def test_the_value_is_checked_for_the_kind_chosen(client, group, contact, kind, value, message):
    response = client.post(ask_url(group), form_data(reach_kind=kind, reach_value=value))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ContactRequest.objects.exists()


def test_errors_keep_what_was_typed_and_are_summarised_and_described(client, group, contact):
    response = client.post(
        ask_url(group), form_data(reach_kind="email", reach_value="not an address", consent=None)
    )
    html = response.content.decode()
    assert response.status_code == 400
    # What was typed is still there, the consent box included (unticked: it must be ticked again knowingly).
    assert f'value="{NAME}"' in html
    assert 'value="not an address"' in html
    assert MESSAGE in html
    assert '<input type="radio" name="reach_kind" value="email"' in html
    assert response.context["form"]["reach_kind"].value() == "email"
    assert 'value="email" required id="id_reach_kind_2" checked' in html
    # A summary at the top, linking to each field with a problem.
    assert 'class="error-summary"' in html
    assert 'href="#id_reach_value"' in html and 'href="#id_consent"' in html
    assert "Your agreement: Tick the box to agree" in html
    # Each error is tied to its field for screen readers, with the hint saying who sees it.
    assert 'aria-describedby="id_reach_value_helptext id_reach_value_error"' in html
    assert 'aria-invalid="true"' in html


def test_a_missing_choice_links_to_its_first_option(client, group, contact):
    html = client.post(ask_url(group), form_data(reach_kind=None)).content.decode()
    assert '<a href="#id_reach_kind_0">Way to get in touch: Choose a phone call' in html
    assert 'id="id_reach_kind_0"' in html


def test_a_name_and_a_way_to_reach_are_required_nothing_else(client, group, contact):
    response = client.post(ask_url(group), form_data(name="", reach_value="", good_times="", message=""))
    errors = response.context["form"].errors
    assert set(errors) == {"name", "reach_value"}


def test_every_field_says_why_it_is_asked_and_who_sees_it(client, group, contact):
    form = client.get(ask_url(group)).context["form"]
    for name in ("name", "reach_kind", "reach_value", "good_times", "message"):
        hint = str(form.fields[name].help_text)
        assert "Only the people who look after Sneinton Bereavement Circle see this" in hint, name
        assert "the clearinghouse staff do not" in hint, name


def test_email_addresses_keep_their_own_spelling(client, group, contact):
    client.post(
        ask_url(group), form_data(reach_kind="email", reach_value=EMAIL.replace("example", "EXAMPLE"))
    )
    assert ContactRequest.objects.get().reveal().reach_value == EMAIL
