"""Our PyTorch-free runtime computes all-MiniLM-L6-v2: the same vectors as sentence-transformers on PyTorch,
stored once in data/reference_vectors.json by bench/make_reference_vectors.py."""

import json
from pathlib import Path

import numpy as np
import pytest

from twoworlds.search import embeddings

REFERENCE = json.loads(
    (Path(__file__).parent / "data" / "reference_vectors.json").read_text(encoding="utf-8")
)
MIN_COSINE = 0.999

pytestmark = pytest.mark.skipif(not embeddings.available(), reason="the model package is not installed")


@pytest.fixture(scope="module")
def reference():
    return REFERENCE["sentences"], np.asarray(REFERENCE["vectors"], dtype=np.float32)


def test_the_reference_covers_queries_descriptions_other_scripts_and_long_text(reference):
    sentences, vectors = reference
    assert len(sentences) >= 50 and vectors.shape == (len(sentences), embeddings.DIMENSIONS)
    assert REFERENCE["model"] == embeddings.MODEL_NAME
    assert any(len(s) > 2000 for s in sentences)  # beyond 256 tokens
    assert any(not s.isascii() for s in sentences)


def test_batched_vectors_match_the_reference_for_every_sentence(reference):
    sentences, expected = reference
    ours = embeddings.embed(sentences)
    assert ours.shape == expected.shape and ours.dtype == np.float32
    cosines = np.sum(ours * expected, axis=1) / np.linalg.norm(expected, axis=1)
    worst = int(np.argmin(cosines))
    assert cosines[worst] >= MIN_COSINE, f"{sentences[worst]!r}: cosine {cosines[worst]:.6f}"


def test_query_vectors_match_the_reference_one_at_a_time(reference):
    sentences, expected = reference
    for sentence, vector in zip(sentences, expected, strict=True):
        assert float(embeddings.embed_query(sentence) @ vector) >= MIN_COSINE, sentence


def test_vectors_are_unit_length_float32():
    vectors = embeddings.embed(["tinnitus", "a group for carers of people with dementia", ""])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embeddings.embed([]).shape == (0, 384)


def test_a_batch_gives_each_text_the_vector_it_gets_alone():
    texts = ["ME", "my husband had a stroke and I can't cope " * 3, "lonely"]
    together = embeddings.embed(texts)
    for text, vector in zip(texts, together, strict=True):
        assert float(vector @ embeddings.embed_query(text)) > 0.99999


def test_text_past_the_token_limit_does_not_change_the_vector():
    long_text = "We support people living with chronic pain and their carers. " * 60
    a, b = embeddings.embed([long_text, long_text + " Completely different closing words about football."])
    assert float(a @ b) > 0.99999


def test_query_vectors_are_cached_and_cannot_be_changed_by_a_caller():
    first = embeddings.embed_query("ringing in my ears")
    assert embeddings.embed_query("ringing in my ears") is first
    with pytest.raises(ValueError):
        first[0] = 1.0


def test_similar_meanings_are_nearer_than_unrelated_ones():
    query = embeddings.embed_query("ringing in my ears all the time")
    tinnitus, football = embeddings.embed(["Tinnitus support group", "Five-a-side football league"])
    assert float(query @ tinnitus) > float(query @ football) + 0.2
