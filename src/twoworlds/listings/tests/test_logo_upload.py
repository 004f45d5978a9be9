"""A group's photo or logo: checked to be a picture, made at most 800 pixels across, stripped of hidden data
(camera, location), shown on the public page once published, and private while it waits for staff."""

import os
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from twoworlds.listings import services
from twoworlds.listings.models import ProposedChange

from .support import image_upload, page_data

pytestmark = pytest.mark.django_db

# Fixtures shared with the other listings tests.


@pytest.fixture
def signed_in(client, contact, media):
    client.force_login(contact)
    return client


def edit(client, group, **changes):
    url = reverse("listings:edit", args=[group.slug])
    data = page_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def test_a_file_that_is_not_a_picture_is_refused_with_a_message(signed_in, listing, media):
    fake = SimpleUploadedFile("logo.jpg", b"%PDF-1.4 not a picture at all", content_type="image/jpeg")

    response = edit(signed_in, listing, logo=fake, description="Typed before choosing the wrong file")

    assert response.status_code == 400
    html = response.content.decode()
    assert "This file is not a picture we can use" in html
    assert "Typed before choosing the wrong file" in html
    assert "id_logo" in dict(response.context["errors"])
    assert not ProposedChange.objects.exists()
    assert not (media / "groups").exists() or not any((media / "groups").iterdir())


def test_a_picture_is_resized_and_its_hidden_data_removed(signed_in, listing):
    response = edit(signed_in, listing, logo=image_upload(size=(1600, 1200)))

    assert response.status_code == 302
    name = ProposedChange.objects.get().proposal["logo"]
    assert name.startswith("groups/") and name.endswith(".jpg")
    with default_storage.open(name) as stored, Image.open(stored) as image:
        assert image.format == "JPEG"
        assert image.size == (800, 600)
        assert not image.getexif()
        assert "exif" not in image.info


def test_a_transparent_logo_stays_a_png(signed_in, listing):
    buffer = BytesIO()
    Image.new("RGBA", (300, 100), (0, 0, 0, 0)).save(buffer, format="PNG")
    upload = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")

    assert edit(signed_in, listing, logo=upload).status_code == 302

    name = ProposedChange.objects.get().proposal["logo"]
    with default_storage.open(name) as stored, Image.open(stored) as image:
        assert image.format == "PNG" and image.mode == "RGBA" and image.size == (300, 100)


def test_a_picture_over_5_mb_is_refused(signed_in, listing):
    noise = Image.frombytes("RGB", (1500, 1500), os.urandom(1500 * 1500 * 3))
    buffer = BytesIO()
    noise.save(buffer, format="PNG", compress_level=0)
    upload = SimpleUploadedFile("big.png", buffer.getvalue(), content_type="image/png")

    response = edit(signed_in, listing, logo=upload)

    assert response.status_code == 400
    assert "under 5 MB" in response.content.decode()


def test_a_waiting_picture_is_private_until_published(client, signed_in, listing, editor, contact):
    edit(signed_in, listing, logo=image_upload())
    change = ProposedChange.objects.get()
    url = default_storage.url(change.proposal["logo"])
    assert url.startswith("/media/groups/")

    assert signed_in.get(url).status_code == 200  # the group's contact sees what they sent
    client.logout()
    assert client.get(url).status_code == 404
    assert "group-logo" not in client.get(listing.get_absolute_url()).content.decode()

    client.force_login(editor)
    staff_page = client.get(reverse("listings_staff:change", args=[change.pk])).content.decode()
    assert f'src="{url}"' in staff_page
    services.decide_change(change, editor, approve=True)
    client.logout()

    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert "public" in response["Cache-Control"]
    page = client.get(listing.get_absolute_url()).content.decode()
    assert f'<img class="group-logo" src="{url}"' in page


def test_a_picture_can_be_taken_off_the_listing(signed_in, listing, editor):
    edit(signed_in, listing, logo=image_upload())
    services.decide_change(ProposedChange.objects.get(), editor, approve=True)

    response = edit(signed_in, listing, remove_logo="on")

    assert response.status_code == 302
    assert ProposedChange.objects.filter(status="pending").get().proposal["logo"] == ""


def test_names_that_are_not_stored_pictures_are_not_served(client, media):
    assert client.get("/media/groups/..%2Fsecret_key").status_code == 404
    assert client.get("/media/groups/" + "0" * 32 + ".jpg").status_code == 404
