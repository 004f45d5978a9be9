"""accounts.decorators: staff_required and sign_in_required."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse

from twoworlds.accounts.decorators import is_staff_member, sign_in_required, staff_required
from twoworlds.accounts.roles import ADMINISTRATOR, EDITOR
from twoworlds.accounts.services import create_staff

pytestmark = pytest.mark.django_db


@staff_required
def staff_view(request):
    return HttpResponse("staff page")


@sign_in_required
def members_view(request):
    return HttpResponse("members page")


def call(rf, view, user, path="/staff/queue/?page=2"):
    request = rf.get(path)
    SessionMiddleware(lambda r: None).process_request(request)
    request.user = user
    return view(request)


def person(**fields):
    return get_user_model().objects.create_user(fields.pop("username", "pat"), "pat@example.org", **fields)


def test_anonymous_visitors_are_sent_to_sign_in_and_back(rf):
    for view in (staff_view, members_view):
        response = call(rf, view, AnonymousUser())
        assert response.status_code == 302
        assert response["Location"] == "/account/sign-in/?next=/staff/queue/%3Fpage%3D2"


def test_someone_signed_in_without_a_staff_role_is_refused_with_403(rf):
    response = call(rf, staff_view, person())

    assert response.status_code == 403
    assert "For clearinghouse staff only" in response.content.decode()


def test_is_staff_without_a_role_is_not_enough(rf):
    assert call(rf, staff_view, person(is_staff=True)).status_code == 403


def test_a_role_without_is_staff_is_not_enough(rf):
    editor, _ = create_staff("ed", "ed@example.org", EDITOR)
    editor.is_staff = False
    editor.save()
    assert call(rf, staff_view, editor).status_code == 403


@pytest.mark.parametrize("role", [EDITOR, ADMINISTRATOR])
def test_staff_roles_are_allowed(rf, role):
    user, _ = create_staff("ed", "ed@example.org", role)
    response = call(rf, staff_view, user)
    assert response.status_code == 200
    assert response.content == b"staff page"


def test_a_superuser_marked_as_staff_is_allowed(rf):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x" * 12)
    assert call(rf, staff_view, admin).status_code == 200


def test_a_deactivated_editor_is_refused(rf):
    editor, _ = create_staff("ed", "ed@example.org", EDITOR)
    editor.is_active = False
    editor.save()
    assert not is_staff_member(editor)
    assert call(rf, staff_view, editor).status_code == 403


def test_sign_in_required_lets_anyone_signed_in_through(rf):
    response = call(rf, members_view, person())
    assert response.status_code == 200
    assert response.content == b"members page"


def test_the_decorators_keep_the_views_name():
    assert staff_view.__name__ == "staff_view"
    assert members_view.__name__ == "members_view"
