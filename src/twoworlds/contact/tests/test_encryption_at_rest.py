"""What a person types is encrypted at rest: a phone number and an email address submitted through the real
form are nowhere in the database: not in the database file (and its WAL) when the test database is a file,
and not in any column of any table in any case (SQLite in memory or PostgreSQL: the raw values, by SQL).
See test_raw_database_file.py for the same check on a real database file made by the `twoworlds` command."""

from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.db import connection

from twoworlds.contact.models import ContactDetails, ContactRequest

from .support import (
    EMAIL,
    MESSAGE,
    NAME,
    PHONE,
    TEST_KEY,
    ask_url,
    form_data,
    looks_after,
    make_listing,
    person,
)

SECRETS = [PHONE, PHONE.replace(" ", ""), EMAIL, NAME, MESSAGE]


def _in_memory(name):
    name = str(name)
    return name == ":memory:" or name.startswith("file:memorydb") or "mode=memory" in name


def raw_values():
    """Every value of every column of every table, as the database hands it over (bytes decoded)."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value).decode("utf-8", "replace")
                    values.append(str(value))
    return values


@pytest.mark.django_db(transaction=True)
def test_submitted_details_are_not_in_the_database(client):
    group = make_listing("Sneinton Bereavement Circle")
    looks_after(group, person("pat@example.org"))
    client.post(ask_url(group), form_data(message=MESSAGE))
    client.post(ask_url(group), form_data(reach_kind="email", reach_value=EMAIL, email_me_link="on"))
    assert ContactRequest.objects.count() == 2

    # 1. Every column of every table, as stored (works the same on SQLite and PostgreSQL).
    everything = "\n".join(raw_values())
    for secret in SECRETS:
        assert secret not in everything, secret
    # The sealed columns hold Fernet tokens that the key opens.
    with connection.cursor() as cursor:
        cursor.execute("SELECT name_sealed, reach_sealed, message_sealed FROM contact_contactrequest")
        rows = cursor.fetchall()
    for row in rows:
        for value in row:
            assert value.startswith("gAAAAA")
            Fernet(TEST_KEY.encode()).decrypt(value.encode())

    # 2. The raw bytes of the database file and its WAL, when the test database is a file.
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite" and not _in_memory(name):
        raw = b""
        for suffix in ("", "-wal", "-journal"):
            path = Path(f"{name}{suffix}")
            if path.exists():
                raw += path.read_bytes()
        assert raw
        for secret in SECRETS:
            assert secret.encode() not in raw, secret

    # 3. And yet the group's contact reads them.
    contact_request = ContactRequest.objects.order_by("pk").last()
    details = contact_request.reveal()
    assert (details.name, details.reach_kind, details.reach_value) == (NAME, "email", EMAIL)


def test_details_do_not_print_themselves():
    details = ContactDetails(name=NAME, reach_kind="phone", reach_value=PHONE, message=MESSAGE)
    for text in (repr(details), str(details), f"{details}", repr([details])):
        assert NAME not in text and PHONE not in text


@pytest.mark.django_db
def test_the_same_details_encrypt_differently_each_time(group, contact):
    from .support import make_request

    first, _ = make_request(group)
    second, _ = make_request(group)
    assert first.reach_sealed != second.reach_sealed
    assert first.reveal() == second.reveal()
