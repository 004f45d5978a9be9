"""The distress detector errs towards showing help, without firing on ordinary searches."""

import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twoworlds.safety.services import KINDS, SIGNALS, crisis_signals, normalise, reads_as_crisis


@pytest.mark.parametrize(
    "text",
    [
        "I want to kill myself",
        "thinking about suicide",
        "I don't want to be alive any more",
        "I keep cutting myself",
        "self-harm support",
        "I took an overdose",
        "I can't go on like this",
        "my partner is going to hurt me",
        "I want to end it all",
    ],
)
def test_reads_as_crisis(text):
    assert reads_as_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        None,
        "dementia carers",
        "lost my husband",
        "ringing in my ears",
        "I can't stop betting on my phone",
        "help me",
    ],
)
def test_ordinary_searches_do_not(text):
    assert not reads_as_crisis(text)
    assert crisis_signals(text) == []


@pytest.mark.parametrize(
    "typed, read",
    [
        ("I can’t do this anymore", "i can not do this any more"),  # curly apostrophe, anymore
        ("I CANT do this", "i can not do this"),
        ("i dont wanna be here", "i do not want to be here"),
        ("kms", "kill myself"),
        ("he said he’d kill me", "he said he would kill me"),
        ("i od'd", "i overdosed"),
        ("su1c1dal", "suicidal"),
        ("self-harm", "self harm"),
        ("I'll hurt meself", "i will hurt myself"),
        ("ｆｕｌｌ　ｗｉｄｔｈ", "full width"),
    ],
)
def test_normalisation(typed, read):
    assert normalise(typed) == read


@pytest.mark.parametrize(
    "text",
    [
        "i wanna kms",
        "i want to unalive myself",
        "I’m not suicidal but I think about it every day",  # negation still shows help
        "I would never hurt myself, but the urge is there",
        "i cant take it no more",
        "feeling sucidal",
        "Everyone would be better off without me.",
    ],
)
def test_txt_speak_misspellings_and_negated_signals_show_help(text):
    assert reads_as_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "skill myself up for a new job",  # words inside other words
        "upskill myself",
        "I don't want to die",  # fear of dying: a different kind of help
        "I don't want to be a burden on my children",
        "my husband had a stroke and I can't cope",  # "can't cope" alone is everyday carers' language
        "my mum won't be here much longer",  # end of life, third person
        "end of life care for my mum",
        "killing myself laughing",
        "I shot myself in the foot",
        "my wife will kill me if I buy another bike",
        "in danger of losing my house",
        "I can't go on my own, can my sister come?",
    ],
)
def test_decided_non_signals(text):
    assert not reads_as_crisis(text), crisis_signals(text)


def test_signals_name_what_matched():
    assert crisis_signals("everyone would be better off without me") == [
        "suicidal thoughts: better off without me"
    ]
    assert "overdose: took a lot of tablets" in crisis_signals("took all my tablets")
    assert "danger: scared to go home" in crisis_signals("I'm scared to go home")
    assert "self-harm: relapse or urges" in crisis_signals("relapsed on cutting")


def test_every_signal_is_described_and_compiles():
    names = set()
    for kind, name, pattern in SIGNALS:
        assert kind in KINDS and name and name not in names
        names.add(name)
        re.compile(pattern)


def test_long_messages_are_read_quickly():
    message = "We meet on Tuesdays at the library, and I would like to come along with my sister. " * 600
    started = time.perf_counter()
    assert not reads_as_crisis(message)
    assert reads_as_crisis(message + " I can't do this any more")
    assert time.perf_counter() - started < 2


@given(st.text(max_size=500))
def test_any_text_is_read_without_error(text):
    assert reads_as_crisis(text) == bool(crisis_signals(text))
