"""Making and changing a pack: title, introduction, picked groups, rules; the agency comes from the
professional (or is chosen by staff); after saving, the page previews the groups the pack shows now; clear
errors that keep what was typed; picked groups can be put in order."""

import pytest
from django.urls import reverse

from twoworlds.core import testing as t
from twoworlds.packs.models import Pack

from .support import agency, make_pack, professional

pytestmark = pytest.mark.django_db


def form_data(**changes):
    data = {"title": "Stroke ward: going home", "introduction": "From all of us on Ward 12.", "distance": ""}
    data.update(changes)
    return data


def test_a_professional_makes_a_pack_for_their_agency(client, directory, nurse, ward):
    client.force_login(nurse)
    form = client.get(reverse("packs:new")).content.decode()
    assert 'name="agency"' not in form  # one agency: nothing to choose
    assert "Tinnitus Self Help Nottingham" in form and "Old Dementia Group" not in form  # closed

    response = client.post(
        reverse("packs:new"),
        form_data(
            picked=[str(directory["tinnitus"].pk)],
            categories=[str(t.category("Dementia").pk)],
            near="NG1 5FS",
            distance="3",
            include_national="on",
        ),
    )

    pack = Pack.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/packs/{pack.code}/edit/#preview"
    assert (pack.agency, pack.created_by, pack.near, pack.distance) == (ward, nurse, "NG1 5FS", 3)
    assert pack.slug == "stroke-ward-going-home" and pack.include_national and pack.active
    preview = client.get(response["Location"]).content.decode()
    assert "What the pack shows now" in preview
    for name in ["Tinnitus Self Help Nottingham", "Memory Lane Carers Café", "Dementia Society UK"]:
        assert name in preview.split('id="preview"')[1], name
    assert "Polish Carers Circle" not in preview.split('id="preview"')[1]  # Beeston: beyond 3 miles
    assert f"http://testserver/p/{pack.code}" in preview


def test_the_form_says_what_is_wrong_and_keeps_what_was_typed(client, directory, nurse):
    client.force_login(nurse)
    response = client.post(reverse("packs:new"), form_data(title="My pack", introduction="Kept words"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Tick at least one group, or at least one issue" in page
    assert "Kept words" in page and 'value="My pack"' in page
    assert not Pack.objects.exists()

    response = client.post(
        reverse("packs:new"),
        form_data(categories=[str(t.category("Dementia").pk)], near="Atlantis"),
    )
    assert "We could not find that place" in response.content.decode()
    response = client.post(
        reverse("packs:new"), form_data(picked=[str(directory["tinnitus"].pk)], near="NG1")
    )
    assert "A place only narrows the issues you choose" in response.content.decode()
    response = client.post(reverse("packs:new"), form_data(title="", picked=[str(directory["tinnitus"].pk)]))
    assert 'href="#id_title"' in response.content.decode()
    assert not Pack.objects.exists()


def test_a_professional_of_several_agencies_chooses_one_of_theirs(client, directory, ward):
    other = agency("Stroke Outreach Team")
    stranger = agency("Someone Else's Team")
    nurse = professional("two@hospital.example", ward)
    from twoworlds.accounts.models import AgencyMember

    AgencyMember.objects.create(agency=other, user=nurse)
    client.force_login(nurse)
    picked = [str(directory["tinnitus"].pk)]

    refused = client.post(reverse("packs:new"), form_data(picked=picked, agency=stranger.pk))
    assert refused.status_code == 200 and not Pack.objects.exists()
    client.post(reverse("packs:new"), form_data(picked=picked, agency=other.pk))
    assert Pack.objects.get().agency == other


def test_staff_make_clearinghouse_packs_or_packs_for_an_agency(client, directory, editor, ward):
    client.force_login(editor)
    picked = [str(directory["tinnitus"].pk)]
    client.post(reverse("packs:new"), form_data(title="Bereavement: what now", picked=picked, agency=""))
    client.post(reverse("packs:new"), form_data(title="For the ward", picked=picked, agency=ward.pk))

    assert Pack.objects.get(title="Bereavement: what now").agency is None
    assert Pack.objects.get(title="For the ward").agency == ward


def test_changing_a_pack_keeps_the_order_of_groups_already_picked(client, directory, nurse, ward):
    pack = make_pack(at=ward, picked=[directory["tinnitus"], directory["phone"]])
    client.force_login(nurse)
    edit = reverse("packs:edit", args=[pack.code])

    client.post(
        edit,
        form_data(
            title="Stroke ward: going home (2)",
            picked=[
                str(directory["cfs_online"].pk),
                str(directory["phone"].pk),
                str(directory["tinnitus"].pk),
            ],
            active="on",
        ),
    )

    pack.refresh_from_db()
    assert pack.title == "Stroke ward: going home (2)"
    assert [p.group.name for p in pack.picks.all()] == [
        "Tinnitus Self Help Nottingham",
        "Telephone Friends",
        "ME Connect Online",
    ]


def test_groups_can_be_moved_up_and_down(client, directory, nurse, ward):
    pack = make_pack(at=ward, picked=[directory["tinnitus"], directory["phone"], directory["cfs_online"]])
    client.force_login(nurse)
    move = reverse("packs:move", args=[pack.code])

    response = client.post(move, {"group": directory["cfs_online"].pk, "direction": "up"})
    assert response["Location"] == f"/packs/{pack.code}/edit/#order"
    client.post(move, {"group": directory["tinnitus"].pk, "direction": "down"})
    assert [p.group.name for p in pack.picks.all()] == [
        "ME Connect Online",
        "Tinnitus Self Help Nottingham",
        "Telephone Friends",
    ]
    page = client.post(move, {"group": directory["tinnitus"].pk, "direction": "sideways"}, follow=True)
    assert "That group could not be moved." in page.content.decode()


def test_a_pack_can_be_taken_out_of_use(client, directory, nurse, ward):
    pack = make_pack(at=ward, picked=[directory["tinnitus"]])
    client.force_login(nurse)
    client.post(reverse("packs:edit", args=[pack.code]), form_data(picked=[str(directory["tinnitus"].pk)]))

    pack.refresh_from_db()
    assert not pack.active
    assert "not in use" in client.get(reverse("packs:list")).content.decode()


def test_the_preview_warns_about_picked_groups_that_have_closed(client, directory, nurse, ward):
    from .support import close

    pack = make_pack(at=ward, picked=[directory["tinnitus"], directory["phone"]])
    close(directory["tinnitus"])
    client.force_login(nurse)
    page = client.get(reverse("packs:edit", args=[pack.code])).content.decode()

    assert "no longer listed: left out" in page
    preview = page.split("1 group in the pack</h3>")[1]
    assert "Telephone Friends" in preview and "Tinnitus Self Help Nottingham" not in preview
