"""The distress detector against the labelled phrase set shared with bench/crisis_phrases.py.

Every phrasing labelled crisis must show help. A phrasing labelled not-crisis may show help only when it
carries an accepted_false_positive reason. Known misses are reported (xfail), not failed: when one starts to
pass, move it into "phrases"."""

import json
from pathlib import Path

import pytest

from twoworlds.safety.services import KINDS, crisis_signals, reads_as_crisis

PHRASES_FILE = Path(__file__).resolve().parents[4] / "bench" / "data" / "crisis_phrases.json"
DATA = json.loads(PHRASES_FILE.read_text(encoding="utf-8"))
PHRASES = DATA["phrases"]
KNOWN_MISSES = DATA["known_misses"]


def _id(item):
    return item["text"][:60] or "(empty)"


def test_the_phrase_set_is_well_formed():
    categories = set(DATA["categories"])
    assert set(KINDS) <= categories
    assert {"ordinary search", "bereavement topic", "idiom"} <= categories
    assert len(PHRASES) >= 80
    texts = [item["text"] for item in PHRASES + KNOWN_MISSES]
    assert len(texts) == len(set(texts)), "a phrasing is listed twice"
    for item in PHRASES:
        assert set(item) <= {"text", "crisis", "category", "note", "accepted_false_positive"}, item
        assert item["text"].strip() and isinstance(item["crisis"], bool), item
        assert item["category"] in categories, item
        assert item["crisis"] == (item["category"] in KINDS), item
        if "accepted_false_positive" in item:
            assert not item["crisis"] and item["accepted_false_positive"].strip(), item
    for item in KNOWN_MISSES:
        assert set(item) == {"text", "category", "reason"} and item["category"] in KINDS, item
        assert item["reason"].strip(), item
    # Phrasings without the obvious words are the point of the set: make sure there are plenty.
    keyword_free = [
        i
        for i in PHRASES
        if i["crisis"]
        and not any(w in i["text"].lower() for w in ("suicid", "kill", "die", "dead", "overdose", "harm"))
    ]
    assert len(keyword_free) >= 60


@pytest.mark.parametrize("item", [i for i in PHRASES if i["crisis"]], ids=_id)
def test_every_crisis_phrasing_shows_help(item):
    assert reads_as_crisis(item["text"]), f"missed ({item['category']}): {item['text']!r}"


@pytest.mark.parametrize("item", [i for i in PHRASES if not i["crisis"]], ids=_id)
def test_ordinary_phrasings_do_not_unless_accepted(item):
    signals = crisis_signals(item["text"])
    if "accepted_false_positive" in item:
        pytest.skip(f"accepted false positive ({', '.join(signals) or 'not shown now'})")
    assert not signals, f"false positive ({item['category']}): {item['text']!r} <- {signals}"


@pytest.mark.parametrize(
    "item",
    [pytest.param(i, marks=pytest.mark.xfail(reason=i["reason"], strict=False)) for i in KNOWN_MISSES],
    ids=_id,
)
def test_known_misses_are_reported(item):
    assert reads_as_crisis(item["text"])


@pytest.mark.parametrize("item", PHRASES + KNOWN_MISSES, ids=_id)
def test_signals_explain_the_decision(item):
    signals = crisis_signals(item["text"])
    assert bool(signals) == reads_as_crisis(item["text"])
    for signal in signals:
        kind, _, name = signal.partition(": ")
        assert kind in KINDS and name
