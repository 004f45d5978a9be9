"""The honest check: a real SQLite database file, made by `twoworlds migrate` in a fresh process with a fresh
var/ directory and no CONTACT_ENCRYPTION_KEYS (so the key is generated into var/contact_keys). A request is
sent through the real form (Django's test client against the real URL), and then the raw bytes of the
database file, its WAL file, every file under var/ (the emails the file backend wrote included) and
everything the process printed (its logs) are searched for the phone number, the email address, the name
and the message. None may be found; the group's contact can still read them."""

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

from .support import EMAIL, MESSAGE, NAME, PHONE

SECRETS = [PHONE, PHONE.replace(" ", ""), EMAIL, NAME, MESSAGE]

SCRIPT = textwrap.dedent(
    """
    import os
    from pathlib import Path
    from django.db import connection
    from django.test import Client
    from twoworlds.contact.models import ContactRequest
    from twoworlds.contact import services
    from twoworlds.listings.tests.support import looks_after, make_listing, person

    group = make_listing("Raw File Group")
    pat = person("pat@example.org")
    looks_after(group, pat)
    base = {"name": os.environ["T_NAME"], "good_times": "evenings", "message": os.environ["T_MESSAGE"],
            "consent": "on"}
    client = Client()
    url = f"/groups/{group.slug}/ask-to-be-contacted/"
    for kind, value in (("phone", os.environ["T_PHONE"]), ("email", os.environ["T_EMAIL"])):
        response = client.post(url, {**base, "reach_kind": kind, "reach_value": value})
        assert response.status_code == 200, response.status_code
    assert ContactRequest.objects.count() == 2
    # While this process still holds the database open, its WAL file holds the newest pages.
    name = connection.settings_dict["NAME"]
    raw = b"".join(Path(f"{name}{s}").read_bytes() for s in ("", "-wal") if Path(f"{name}{s}").exists())
    found = [s for s in ("T_NAME", "T_PHONE", "T_EMAIL", "T_MESSAGE") if os.environ[s].encode() in raw]
    print("WAL-PRESENT", Path(f"{name}-wal").exists(), "BYTES", len(raw), "FOUND", found)
    # A control: the group's name is stored in plain text, so the same search must find it.
    print("CONTROL", b"Raw File Group" in raw)
    readable = [services.reveal_for(r, pat).reach_value for r in ContactRequest.objects.order_by("pk")]
    print("READABLE", readable == [os.environ["T_PHONE"], os.environ["T_EMAIL"]])
    """
)


def twoworlds():
    script = Path(sys.executable).parent / "twoworlds"
    return [str(script)] if script.exists() else [sys.executable, "-m", "twoworlds.manage"]


def test_the_database_file_never_holds_the_plaintext(tmp_path):
    var = tmp_path / "var"
    database = tmp_path / "twoworlds.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "TWOWORLDS_VAR_DIR": str(var),
        "CONTACT_ENCRYPTION_KEYS": "",
        "ALLOWED_HOSTS": "testserver,localhost",
        "DEBUG": "",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "LOG_LEVEL": "DEBUG",
        "T_NAME": NAME,
        "T_PHONE": PHONE,
        "T_EMAIL": EMAIL,
        "T_MESSAGE": MESSAGE,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    migrate = subprocess.run(
        [*twoworlds(), "migrate", "--noinput"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert migrate.returncode == 0, migrate.stderr
    shell = subprocess.run(
        [*twoworlds(), "shell", "-c", SCRIPT],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert shell.returncode == 0, shell.stderr
    output = shell.stdout + shell.stderr
    assert "READABLE True" in output
    assert "FOUND []" in output, output
    assert "CONTROL True" in output
    print(next(line for line in output.splitlines() if line.startswith("WAL-PRESENT")))
    # The key was generated on disk, readable only by its owner, and production was warned about it.
    keys = var / "contact_keys"
    assert stat.S_IMODE(keys.stat().st_mode) == 0o600
    assert "CONTACT_ENCRYPTION_KEYS is not set" in output

    # After the process: the database file, WAL and journal if any, every file under var/, all it printed.
    files = [p for p in [database, Path(f"{database}-wal"), Path(f"{database}-journal")] if p.exists()]
    files += [p for p in var.rglob("*") if p.is_file()]
    assert database in files and any(
        p.parent.name == "mail" for p in files
    )  # the group's emails were written
    for path in files:
        raw = path.read_bytes()
        for secret in SECRETS:
            assert secret.encode() not in raw, f"{secret!r} found in {path}"
    for secret in SECRETS:
        assert secret not in output
