"""Crisis signposting, shared by every page, search and (later) the contact form.

The contacts are per deployment (CRISIS_CONTACTS_FILE, a JSON list); the demo ships UK numbers. The
detector is deliberately simple and errs towards showing help: showing crisis contacts to someone who
did not need them costs little; missing someone who did costs a great deal."""

import json
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings

DEFAULT_CONTACTS = Path(__file__).parent / "data" / "crisis_contacts_uk.json"

# Phrases that read like acute distress: thoughts of ending one's life, self-harm, being in danger now.
CRISIS_PATTERNS = [
    r"\b(kill|killing|hang|hanging)\s+my\s?self\b",
    r"\bsuicid\w*",
    r"\bend(ing)?\s+(it\s+all|my\s+life|things)\b",
    r"\b(take|taking)\s+my\s+(own\s+)?life\b",
    r"\b(want|wanted|wanting)\s+to\s+die\b",
    r"\bbetter\s+off\s+dead\b",
    r"\b(don'?t|do\s+not|no\s+longer)\s+want\s+to\s+(live|be\s+alive|be\s+here|wake\s+up)\b",
    r"\bno\s+(reason|point)\s+(to|in)\s+(live|living|going\s+on)\b",
    r"\bself[\s-]?harm\w*",
    r"\b(cut|cutting|hurt|hurting|harm|harming)\s+my\s?self\b",
    r"\boverdos\w*",
    r"\b(he|she|they|someone|partner|husband|wife)\s+(is\s+going\s+to|will|might)\s+(kill|hurt)\s+me\b",
    r"\bin\s+danger\b",
    r"\bcan'?t\s+go\s+on\b",
]
_CRISIS = re.compile("|".join(CRISIS_PATTERNS), re.IGNORECASE)


@lru_cache(maxsize=4)
def _load(path):
    with open(path, encoding="utf-8") as handle:
        contacts = json.load(handle)
    for contact in contacts:
        missing = {"name", "how"} - set(contact)
        if missing:
            raise ValueError(f"Crisis contact {contact!r} in {path} lacks {', '.join(sorted(missing))}")
    return tuple(contacts)


def crisis_contacts():
    """This deployment's crisis contacts, most urgent first: dicts with name, how, href, when, summary."""
    return list(_load(str(settings.CRISIS_CONTACTS_FILE or DEFAULT_CONTACTS)))


def reads_as_crisis(text):
    """True when text reads like acute distress, so crisis help is shown first."""
    return bool(text) and bool(_CRISIS.search(text))
