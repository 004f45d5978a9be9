"""Keys come from CONTACT_ENCRYPTION_KEYS, newest first; every listed key decrypts, the newest encrypts.
`twoworlds rotate_contact_keys` re-encrypts every request with the newest key, after which the old key can
be dropped. Without the setting, one key is generated once into var/contact_keys (mode 600)."""

import logging
import stat
from io import StringIO

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.management import call_command
from django.core.management.base import CommandError

from twoworlds.contact import crypto
from twoworlds.contact.models import ContactRequest

from .support import PHONE, TEST_KEY, make_request

pytestmark = pytest.mark.django_db

NEW_KEY = Fernet.generate_key().decode()


def rotate():
    out = StringIO()
    call_command("rotate_contact_keys", stdout=out)
    return out.getvalue()


def test_old_keys_still_decrypt_and_rotation_re_encrypts_with_the_newest(group, contact, settings):
    contact_request, _ = make_request(group)
    before = ContactRequest.objects.values(*ContactRequest.SEALED_FIELDS).get()

    settings.CONTACT_ENCRYPTION_KEYS = [NEW_KEY, TEST_KEY]
    assert ContactRequest.objects.get().reveal().reach_value == PHONE  # the old key still reads it
    newer, _ = make_request(group)  # new requests use the new key
    Fernet(NEW_KEY.encode()).decrypt(ContactRequest.objects.get(pk=newer.pk).name_sealed.encode())

    assert "Re-encrypted 2 request(s) with the newest of 2 key(s)." in rotate()

    after = ContactRequest.objects.values(*ContactRequest.SEALED_FIELDS).get(pk=contact_request.pk)
    for name in ContactRequest.SEALED_FIELDS:
        assert after[name] != before[name]
        Fernet(NEW_KEY.encode()).decrypt(after[name].encode())
        with pytest.raises(InvalidToken):
            Fernet(TEST_KEY.encode()).decrypt(after[name].encode())
    # The old key can go: everything still reads with the new key alone.
    settings.CONTACT_ENCRYPTION_KEYS = [NEW_KEY]
    assert [r.reveal().reach_value for r in ContactRequest.objects.all()] == [PHONE, PHONE]


def test_rotating_twice_is_harmless(group, contact, settings):
    make_request(group)
    settings.CONTACT_ENCRYPTION_KEYS = [NEW_KEY, TEST_KEY]
    rotate()
    rotate()
    settings.CONTACT_ENCRYPTION_KEYS = [NEW_KEY]
    assert ContactRequest.objects.get().reveal().reach_value == PHONE


def test_a_missing_old_key_stops_the_rotation_with_advice(group, contact, settings):
    make_request(group)
    settings.CONTACT_ENCRYPTION_KEYS = [NEW_KEY]
    with pytest.raises(CommandError, match="put every old key back"):
        rotate()
    settings.CONTACT_ENCRYPTION_KEYS = [TEST_KEY]
    assert ContactRequest.objects.get().reveal().reach_value == PHONE  # nothing was lost


def test_new_key_prints_a_usable_key_and_changes_nothing(group, contact):
    make_request(group)
    before = list(ContactRequest.objects.values())
    out = StringIO()
    call_command("rotate_contact_keys", "--new-key", stdout=out)
    Fernet(out.getvalue().strip().encode())
    assert list(ContactRequest.objects.values()) == before


def test_without_keys_one_is_generated_once_into_var(settings, tmp_path, caplog):
    settings.CONTACT_ENCRYPTION_KEYS = []
    settings.VAR_DIR = tmp_path
    settings.DEBUG = False
    crypto._warned = False
    caplog.set_level(logging.WARNING)

    token = crypto.encrypt("hello")
    key_file = tmp_path / "contact_keys"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    first = key_file.read_text()
    assert crypto.decrypt(token) == "hello"
    assert key_file.read_text() == first  # not generated again
    assert "CONTACT_ENCRYPTION_KEYS is not set" in caplog.text


def test_a_key_file_can_hold_several_keys_newest_first(settings, tmp_path):
    settings.CONTACT_ENCRYPTION_KEYS = []
    settings.VAR_DIR = tmp_path
    (tmp_path / "contact_keys").write_text(f"{NEW_KEY}\n{TEST_KEY}\n")
    old_token = Fernet(TEST_KEY.encode()).encrypt(b"old").decode()
    assert crypto.decrypt(old_token) == "old"
    Fernet(NEW_KEY.encode()).decrypt(crypto.encrypt("new").encode())
