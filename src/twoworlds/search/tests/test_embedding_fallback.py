"""A deployment that cannot load the embedding model still searches, by keywords and categories, and says
so once in its logs."""

import logging
from io import StringIO

import pytest
from django.core.management import call_command

from twoworlds.core import testing as t
from twoworlds.search import embeddings, vectors
from twoworlds.search.models import SearchVector
from twoworlds.search.services import find_groups


@pytest.fixture
def no_model(settings, tmp_path):
    settings.SEARCH_MODEL_DIR = str(tmp_path / "empty-model-dir")
    (tmp_path / "empty-model-dir").mkdir()
    vectors.forget_index()
    yield
    vectors.forget_index()


def warnings_about_the_model(caplog):
    return [r for r in caplog.records if r.levelno == logging.WARNING and "keyword-only" in r.getMessage()]


def test_without_the_model_search_answers_by_keyword_and_warns_once(db, indexed, no_model, caplog):
    caplog.set_level(logging.WARNING, logger="twoworlds")
    tinnitus = t.category("Tinnitus", lay_terms="ringing in my ears")
    with indexed():
        t.group("Tinnitus Self Help", [tinnitus], description="Living with noises in the head.")
        t.group("Knit and Natter", [], description="Knitting for wellbeing.")

    assert not embeddings.available()
    assert embeddings.embed_query("ringing in my ears") is None
    assert [h.group.name for h in find_groups("tinnitus").load()] == ["Tinnitus Self Help"]
    assert [h.group.name for h in find_groups("ringing in my ears").load()] == ["Tinnitus Self Help"]
    assert [h.group.name for h in find_groups("knitting").load()] == ["Knit and Natter"]
    assert not SearchVector.objects.exists()

    warned = warnings_about_the_model(caplog)
    assert len(warned) == 1
    assert "no model.safetensors in" in warned[0].getMessage()


def test_embedding_without_the_model_raises_a_clear_error(no_model):
    with pytest.raises(embeddings.ModelUnavailable):
        embeddings.embed(["anything"])


def test_a_rebuild_without_the_model_indexes_words_and_says_search_is_keyword_only(db, no_model):
    t.group("Tinnitus Self Help", [], description="Living with noises in the head.")
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Indexed 1 groups." in out.getvalue()
    assert "keyword-only" in out.getvalue()
    assert not SearchVector.objects.exists()
    assert vectors.nearest(None) == []


def test_the_model_loads_again_once_the_setting_points_at_it(settings, no_model):
    assert not embeddings.available()
    settings.SEARCH_MODEL_DIR = None
    assert embeddings.available() == (embeddings.model_directory() / "model.safetensors").is_file()
