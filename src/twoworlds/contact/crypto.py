"""Field-level encryption for requests to be contacted (special-category data).

What a person types (their name, how to reach them, good times, their message) is stored only as Fernet
tokens (AES-128-CBC with HMAC-SHA256, a fresh IV every time): the database file, its backups and anyone who
reads the tables see ciphertext. Decrypting happens in one place, `ContactRequest.reveal()`, which only the
group's own contacts reach, and every such read is logged (see services.reveal_for).

Keys
----
`CONTACT_ENCRYPTION_KEYS` (environment): comma-separated Fernet keys, **newest first**. The newest encrypts;
every key in the list can decrypt. Without it, one key is generated once into `VAR_DIR/contact_keys`
(mode 600, one key a line, newest first), so that a demo or a development machine works out of the box; in
production (DEBUG off) a warning is logged, because a key kept on the same disk as the database protects a
copied database file or backup, but not a stolen disk.

Rotating keys (see the `rotate_contact_keys` command)
----------------------------------------------------
1. `twoworlds rotate_contact_keys --new-key` prints a fresh key.
2. Put it first: `CONTACT_ENCRYPTION_KEYS=<new>,<old>` (or add it as the first line of var/contact_keys),
   and restart the app: new requests are encrypted with it, old ones still decrypt.
3. `twoworlds rotate_contact_keys` re-encrypts every stored request with the newest key.
4. Remove the old key from the list and restart. Anything still encrypted with it can no longer be read.
"""

import logging
import os
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

log = logging.getLogger(__name__)

KEY_FILE_NAME = "contact_keys"

__all__ = ["InvalidToken", "current_keys", "decrypt", "encrypt", "new_key", "rotate", "uses_local_key_file"]


def new_key():
    """A fresh Fernet key, as text."""
    return Fernet.generate_key().decode("ascii")


def key_file():
    return Path(settings.VAR_DIR) / KEY_FILE_NAME


def uses_local_key_file():
    return not [key for key in settings.CONTACT_ENCRYPTION_KEYS if key.strip()]


def _read_or_create_key_file(path):
    """The keys in `path`, newest first; the file is created (mode 600) with one new key if missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: two processes starting at once cannot both write a different key.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(descriptor, "w") as handle:
            handle.write(new_key() + "\n")
        log.info("Generated a key for contact requests in %s", path)
    keys = [
        line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")
    ]
    if not keys:
        raise RuntimeError(f"{path} holds no keys: put a Fernet key in it, or set CONTACT_ENCRYPTION_KEYS.")
    return keys


_warned = False


def current_keys():
    """The keys in use, newest first."""
    global _warned
    configured = [key.strip() for key in settings.CONTACT_ENCRYPTION_KEYS if key.strip()]
    if configured:
        return configured
    path = key_file()
    if not settings.DEBUG and not _warned:
        _warned = True
        log.warning(
            "CONTACT_ENCRYPTION_KEYS is not set: requests to be contacted are encrypted with a key kept on "
            "this machine's disk (%s). Set CONTACT_ENCRYPTION_KEYS in the environment for production.",
            path,
        )
    return _read_or_create_key_file(path)


@lru_cache(maxsize=8)
def _fernet(keys):
    return MultiFernet([Fernet(key.encode("ascii")) for key in keys])


def fernet():
    return _fernet(tuple(current_keys()))


def encrypt(text):
    """A Fernet token (text) for `text`; None stays None."""
    if text is None:
        return None
    return fernet().encrypt(str(text).encode("utf-8")).decode("ascii")


def decrypt(token):
    """The text in a token made by `encrypt`. Raises InvalidToken if no key in use can read it."""
    if token is None:
        return None
    return fernet().decrypt(token.encode("ascii")).decode("utf-8")


def rotate(token):
    """The same text, re-encrypted with the newest key (MultiFernet.rotate); None stays None."""
    if token is None:
        return None
    return fernet().rotate(token.encode("ascii")).decode("ascii")
