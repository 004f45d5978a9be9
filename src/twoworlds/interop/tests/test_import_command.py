"""twoworlds import_hsds: a report in words, and an exit status that says whether anything was rejected."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from twoworlds.directory.models import Group
from twoworlds.interop.management.commands.import_hsds import Command

from .import_support import real, service

pytestmark = pytest.mark.django_db


def _run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_hsds", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


def test_clean_file_exits_0_and_second_run_is_unchanged(tmp_path):
    path = tmp_path / "services.json"
    path.write_text(json.dumps([service()]))
    code, out, _err = _run(str(path), "--source", "voices")
    assert code == 0 and "1 new, 0 updated, 0 unchanged, 0 rejected" in out
    assert "Search index updated for 1 groups" in out
    code, out, _err = _run(str(path), "--source", "voices")
    assert code == 0 and "0 new, 0 updated, 1 unchanged" in out


def test_rejections_exit_1_with_the_report():
    code, out, _err = _run(str(real("oruk1-bristol-openplace/services.json")), "--dry-run")
    assert code == 1
    assert "Preview only: nothing was saved." in out
    assert "services.json item 1 (id def5ccd4-f121-df4d-60d2-4dc0d69ff555): name: the name is missing" in out
    assert Group.objects.count() == 0


def test_unreadable_input_exits_2():
    code, _out, err = _run(str(real("sample-HSDS-datapackage-1.1/all_resources")))
    assert code == 2 and "HSDS 1.x package" in err


def test_help_says_the_exit_codes():
    assert "Exit status: 0 everything imported; 1 some records" in Command.help
