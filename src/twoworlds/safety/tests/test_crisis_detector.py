"""The distress detector errs towards showing help, without firing on ordinary searches."""

import pytest

from twoworlds.safety.services import reads_as_crisis


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
        "dementia carers",
        "lost my husband",
        "ringing in my ears",
        "I can't stop betting on my phone",
        "help me",
    ],
)
def test_ordinary_searches_do_not(text):
    assert not reads_as_crisis(text)
