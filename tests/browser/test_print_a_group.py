"""A professional prints a group's details: one A4 sheet with the contact details, the date they were last
confirmed and who to call in a crisis (rendered by Chromium, read back with pdftotext)."""

import shutil
import subprocess

import pytest

pytestmark = pytest.mark.browser


def test_a_group_prints_on_one_sheet_with_everything_needed(page, site, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    from twoworlds.core.testing import group, weekly
    from twoworlds.search.services import rebuild_index

    printed = group(
        "Print Test Carers",
        [],
        description="We are carers who meet for a chat.",
        meetings=[weekly(1, "19:00", "21:00")],
        routes=[{"kind": "phone", "value": "0115 496 0777", "contact_name": "Sam"}],
    )
    rebuild_index()
    page.goto(printed.get_absolute_url())
    pdf = tmp_path / "group.pdf"
    page.pdf(path=str(pdf), format="A4")

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info
    text = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split()
    )
    for expected in [
        "Print Test Carers",
        "Every Tuesday, 7 p.m. to 9 p.m.",
        "0115 496 0777",
        "ask for Sam",
        "Details last confirmed",
        "116 123",
        "For the latest details see",
    ]:
        assert expected in text, expected
    for not_printed in ["Print these details", "Copy link", "Staff sign-in"]:
        assert not_printed not in text
