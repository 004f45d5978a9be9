"""`twoworlds rotate_contact_keys`: re-encrypt every request to be contacted with the newest key.

How to rotate the key that protects requests to be contacted (see contact/crypto.py):

1. `twoworlds rotate_contact_keys --new-key` prints a fresh key (and changes nothing).
2. Put it first in CONTACT_ENCRYPTION_KEYS, keeping the old one after it:
   `CONTACT_ENCRYPTION_KEYS=<new key>,<old key>` (without the setting, the keys live one a line, newest
   first, in var/contact_keys: add the new key as the first line). Restart the app: from now on new
   requests are encrypted with the new key, and old ones still decrypt.
3. `twoworlds rotate_contact_keys` re-encrypts every stored request with the new key. It is safe to run
   again; it prints how many requests it re-encrypted.
4. Take the old key out of CONTACT_ENCRYPTION_KEYS (or var/contact_keys) and restart. Backups made before
   step 3 still need the old key: keep it as long as you keep them, and no longer.
"""

from django.core.management.base import BaseCommand, CommandError

from twoworlds.contact import crypto
from twoworlds.contact.services import rotate_keys


class Command(BaseCommand):
    help = (
        "Re-encrypt every request to be contacted with the newest key in CONTACT_ENCRYPTION_KEYS (newest "
        "first). Old keys must still be listed until this has run. --new-key prints a fresh key instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--new-key", action="store_true", help="Print a new key to put first in CONTACT_ENCRYPTION_KEYS."
        )

    def handle(self, *args, new_key=False, **options):
        if new_key:
            self.stdout.write(crypto.new_key())
            return
        try:
            count = rotate_keys()
        except crypto.InvalidToken:
            raise CommandError(
                "A request could not be decrypted with any key in use: put every old key back in "
                "CONTACT_ENCRYPTION_KEYS (after the new one) and run this again."
            ) from None
        keys = len(crypto.current_keys())
        self.stdout.write(f"Re-encrypted {count} request(s) with the newest of {keys} key(s).")
        if keys > 1:
            self.stdout.write("You can now remove the older key(s) from CONTACT_ENCRYPTION_KEYS and restart.")
