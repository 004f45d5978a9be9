"""`twoworlds import_meeting_guide PATH --as ORG`: report, exit status, dry run, unreadable feeds."""

import io

import pytest
from django.core.management import CommandError, call_command

from twoworlds.core import testing as t
from twoworlds.directory.models import Group, Organisation
from twoworlds.interop.models import ImportRun, Source
from twoworlds.search.models import SearchDocument

from .meeting_guide_support import meeting, real_feed, write_feed

pytestmark = pytest.mark.django_db


def command(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_meeting_guide", *map(str, args), stdout=out, stderr=err)
        status = 0
    except SystemExit as exit:
        status = exit.code
    return status, out.getvalue(), err.getvalue()


def test_a_clean_feed_exits_0_and_its_groups_are_in_search(tmp_path):
    t.organisation("Nottingham Intergroup")
    feed = write_feed(tmp_path, [meeting("tue", group="Hope"), meeting("thu", group="Hope", day=4)])
    status, out, _ = command(feed, "--as", "nottingham intergroup", "--category", "alcohol")
    assert status == 0
    assert "Meetings in the feed: 2" in out and "Nothing was rejected." in out
    group = Group.objects.get(name="Hope")
    assert group.organisation.name == "Nottingham Intergroup" and group.categories.get().slug == "alcohol"
    assert SearchDocument.objects.filter(group=group).exists()
    assert "Search index updated for 1 groups" in out


def test_rejected_meetings_are_listed_and_the_exit_status_is_1(tmp_path):
    feed = write_feed(tmp_path, [meeting("ok"), meeting("no-time", time=""), meeting("ok")])
    status, out, _ = command(feed, "--as", "New Fellowship")
    assert status == 1
    assert "meeting 2 (slug no-time), time: has a day but no time" in out
    assert "meeting 3 (slug ok), slug: the same slug as meeting 1" in out
    assert Organisation.objects.filter(name="New Fellowship").exists()  # made with its groups


def test_the_unparseable_fixture_gets_a_message_not_a_traceback():
    status, out, err = command(real_feed("_fixtures/tsml-ui-invalid.json"), "--as", "Anyone")
    assert status == 2
    assert err.startswith("Nothing imported: The feed is not valid JSON")
    assert "Traceback" not in err + out
    assert not Source.objects.exists() and not Organisation.objects.filter(name="Anyone").exists()


def test_a_missing_file_exits_2_with_the_reason(tmp_path):
    status, _, err = command(tmp_path / "nowhere.json", "--as", "Anyone")
    assert status == 2 and "Could not read" in err


def test_a_dry_run_saves_nothing_not_even_a_new_organisation(tmp_path):
    feed = write_feed(tmp_path, [meeting("tue")])
    status, out, _ = command(feed, "--as", "Brand New Intergroup", "--dry-run")
    assert status == 0 and "dry run: nothing saved" in out and "groups created: 1" in out
    assert not Organisation.objects.filter(name="Brand New Intergroup").exists()
    assert not Group.objects.exists() and not ImportRun.objects.exists() and not Source.objects.exists()


def test_an_unknown_category_is_refused_before_anything_is_read(tmp_path):
    with pytest.raises(CommandError, match="no category"):
        call_command("import_meeting_guide", str(write_feed(tmp_path, [])), "--as", "X", "--category", "nope")
