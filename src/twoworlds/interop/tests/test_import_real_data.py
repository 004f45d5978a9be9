"""Real third-party HSDS and Open Referral UK files import as far as they can, and the report names every
record and value that could not be taken, with where it is and why."""

import pytest

from twoworlds.directory.models import ContactRoute, Group, Meeting, Venue
from twoworlds.interop.importer import ImportFailed
from twoworlds.interop.models import ImportedRecord
from twoworlds.interop.readers import open_input

from .import_support import assert_fingerprints_agree, import_file, real

pytestmark = pytest.mark.django_db


def _reasons(report, record_id):
    return [(p.field, p.reason, p.rejected) for p in report.problems if p.record_id == record_id]


def test_bristol_open_referral_uk_v1():
    path = real("oruk1-bristol-openplace/services.json")
    assert "Open Referral UK v1" in open_input(path).description
    report = import_file(path, "Bristol Open Place")
    assert report.counts_dict() == {
        "created": 817,
        "updated": 0,
        "unchanged": 0,
        "rejected": 2,
        "conflicts": 0,
    }
    assert not report.error and not report.ok
    rejected = {(p.position, p.record_id, p.field): p.reason for p in report.rejected_records}
    assert rejected[("services.json item 1", "def5ccd4-f121-df4d-60d2-4dc0d69ff555", "name")] == (
        "the name is missing"
    )
    duplicate = rejected[("services.json item 811", "2af617e5-4532-bebe-1036-ffdf2e93ce55", "id")]
    assert "came earlier (services.json item 374)" in duplicate
    # A malformed web address is left out and the rest of the record kept.
    assert ("url", "'https:/holisuntherapies.co.uk' is not a web address", False) in _reasons(
        report, "3ffd16e3-0f5a-41a7-9b16-0b0edf7971cf"
    )
    assert Group.objects.filter(pk="3ffd16e3-0f5a-41a7-9b16-0b0edf7971cf", website="").exists()
    # HTML in descriptions becomes text; empty emails are simply absent (not problems).
    symes = Group.objects.get(pk="fadbca83-bb65-4917-9a80-35e20d516826")
    assert "<p>" not in symes.description and "Whether you are holding a large" in symes.description
    assert symes.organisation.name == "Hartcliffe and Withywood Community Partnership"
    assert symes.contact_routes.get(kind=ContactRoute.Kind.EMAIL).value == "reception@hwcp.org.uk"
    assert Group.objects.filter(description__regex=r"<[a-zA-Z/]").count() == 0  # "(&lt;750/month)" is text
    assert "(<750/month)" in Group.objects.get(name="Emerging Stronger counselling project").description
    assert ImportedRecord.objects.filter(kind="service").count() == 817


def test_north_lincolnshire_keeps_what_is_fixable():
    report = import_file(real("oruk1-northlincs-openplace/services.json"), "North Lincolnshire")
    assert report.counts_dict()["created"] == 738
    assert report.counts_dict()["rejected"] == 0
    # An invisible character and a trailing full stop around an email address are harmless: taken.
    assert ContactRoute.objects.filter(value="info@r-evolution.org.uk").exists()
    assert ContactRoute.objects.filter(value="young.voice@northlincs.gov.uk").exists()
    assert_fingerprints_agree()
    assert ("url", "the web address is longer than 200 characters", False) in _reasons(
        report, "27e2ee6a-ee36-f2d6-335e-e64189d61c78"
    )


def test_uk_profile_tabular_package_with_doubled_line_endings():
    path = real("oruk-uk-profile-tabular")
    assert "tabular" in open_input(path).description
    report = import_file(path)
    assert report.counts_dict()["created"] == 1 and report.counts_dict()["rejected"] == 0
    group = Group.objects.get()
    assert group.name  # read across the blank rows that \r\r\n line endings make
    # Its location is at latitude 100, which is not on Earth: the coordinates are left out, the venue kept.
    reasons = [p.reason for p in report.problems]
    assert "(100, 101) are not a latitude and longitude; left out" in reasons
    assert Venue.objects.filter(latitude__isnull=True).count() == Venue.objects.count() >= 1


def test_converted_211_organization_with_list_ids():
    report = import_file(real("stevensblueprint-211-transformer-output/organization_3.json"))
    assert report.counts_dict()["created"] == 6
    assert Group.objects.filter(organisation__name="211 Brevard Inc").count() == 6
    fields = {(p.field, p.reason) for p in report.problems}
    assert ("id", "the id was given as a list; its single value was used") in fields


def test_mock_page_that_miscounts_its_items():
    path = real("oruk3-validator-mocks/V3.0-UK-Test/service_list.json")
    assert "it says 31, it holds 128" in open_input(path).description
    report = import_file(path)
    assert report.counts_dict()["created"] == 1
    assert report.counts_dict()["rejected"] == 127  # one id repeated 127 times


def test_validator_fail_mocks_have_no_names():
    report = import_file(real("oruk3-validator-mocks/V3.0-UK-Fail/service_list.json"))
    assert report.counts_dict() == {"created": 0, "updated": 0, "unchanged": 0, "rejected": 4, "conflicts": 0}
    assert {p.reason for p in report.problems} == {"the name is missing"}
    assert Group.objects.count() == 0


def test_one_service_with_a_bad_email_keeps_the_rest():
    report = import_file(real("oruk3-validator-mocks/V3.0-UK-Fail/service_full.json"))
    assert report.counts_dict()["created"] == 1
    assert ("email", "'email-example_com' is not an email address", False) in [
        (p.field, p.reason, p.rejected) for p in report.problems
    ]


def test_hsds_3_1_mock_with_unknown_fields():
    report = import_file(real("mock-hsds-api-3.1/data/services/ac148810-d857-441c-9679-408f346de14b.json"))
    assert report.counts_dict()["created"] == 1
    group = Group.objects.get()
    meetings = Meeting.objects.filter(group=group)
    # byday "TH,FR" at 10:00-18:00 becomes two weekly meetings (its location has impossible coordinates
    # but still a venue).
    assert sorted(meetings.values_list("weekday", flat=True)) == [3, 4]
    assert_fingerprints_agree()


def test_hsds_1_1_package_is_recognised_not_misread():
    with pytest.raises(ImportFailed, match="HSDS 1.x package"):
        open_input(real("sample-HSDS-datapackage-1.1/all_resources"))


def test_llm_extraction_without_ids_is_rejected_record_by_record():
    report = import_file(real("connect211-image-to-hsds/extracted_hsds_data.json"))
    assert report.counts_dict()["rejected"] == 2
    assert {p.field for p in report.problems} == {"id"}
    assert Group.objects.count() == 0


def test_api_front_page_is_not_services():
    with pytest.raises(ImportFailed, match="front page of an HSDS API"):
        open_input(real("mock-hsds-api-3.1/data/root.json"))
