"""Relevance of search on the demo directory: nDCG@10 and recall@10 over labelled plain-language queries.

    python bench/relevance.py [--worst 10] [--only tuning|held_out] [--show "query text"] [--tune]

Loads the 250-group demo directory into a fresh SQLite database in a temporary folder (never var/ or your
data), builds the search index (with sentence vectors when the embedding model is installed), runs every
query in bench/data/relevance_queries.json through `find_groups` twice, keyword and taxonomy only and then
hybrid (with meaning), and prints the figures side by side, per query set and per kind of query, then the
worst queries with what came back.

What is scored is the list a person sees, top 10: the local groups in order, then the national
organisations; or the national organisations first when no local group fits (as the page shows them).
- nDCG@10: gains 2^grade - 1 (grade 2 = exactly right, 1 = useful), log2 discount; the ideal ordering is
  all labelled groups by grade.
- recall@10: labelled groups (grade 1 or 2) in the top 10, divided by min(10, number labelled).

--tune searches the ranking weights (search/ranking.py) on the tuning queries only, one weight at a time over
a small grid, twice round, and prints the best values with their figures on the tuning and held-out sets;
copy them into ranking.py by hand.
"""

import argparse
import json
import math
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "data" / "relevance_queries.json"
K = 10


def dcg(gains):
    return sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(gains))


def ndcg_at(ranked, relevant, k=K):
    ideal = dcg(sorted(relevant.values(), reverse=True)[:k])
    return dcg([relevant.get(slug, 0) for slug in ranked[:k]]) / ideal if ideal else 0.0


def recall_at(ranked, relevant, k=K):
    found = sum(1 for slug in ranked[:k] if relevant.get(slug, 0) > 0)
    return found / min(k, len(relevant)) if relevant else 0.0


def shown(outcome, slugs):
    """Slugs in the order the page shows them."""
    local = [slugs[h.group_id] for h in outcome.hits[: K * 2]]
    national = [slugs[h.group_id] for h in outcome.national]
    return local + national if outcome.local_fits else national + local


def setup():
    workdir = tempfile.mkdtemp(prefix="twoworlds-relevance-")
    os.environ["TWOWORLDS_VAR_DIR"] = workdir
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/relevance.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twoworlds.settings")
    sys.path.insert(0, str(HERE.parent / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("demo_data", no_staff=True, verbosity=0)
    from twoworlds.search import ranking

    if ranking.meaning_available():
        from twoworlds.search import vectors

        vectors.rebuild_vectors()  # already done by index upkeep; unchanged texts are not embedded again
    return time.perf_counter() - started


def run(queries, mode):
    """[(query entry, ranked slugs, nDCG, recall, seconds)] with meaning on (hybrid) or off (keyword)."""
    import contextlib

    from twoworlds.directory.models import Group
    from twoworlds.search import ranking
    from twoworlds.search.services import find_groups

    slugs = dict(Group.objects.values_list("pk", "slug"))
    results = []
    with ranking.keyword_only() if mode == "keyword" else contextlib.nullcontext():
        for entry in queries:
            started = time.perf_counter()
            outcome = find_groups(entry["query"])
            elapsed = time.perf_counter() - started
            ranked = shown(outcome, slugs)
            relevant = entry["relevant"]
            results.append((entry, ranked, ndcg_at(ranked, relevant), recall_at(ranked, relevant), elapsed))
    return results


GRID = {
    "W_CATEGORY": [0.5, 1.0, 1.5, 2.0, 3.0, 4.0],
    "W_MEANING": [0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0],
    "MEANING_FLOOR": [0.2, 0.25, 0.3, 0.35, 0.4, 0.45],
    "RELATIVE_FLOOR": [0.0, 0.1, 0.2, 0.3, 0.4, 0.5],
    "FIRST_LEVEL_WEIGHT": [0.25, 0.5, 1.0],
}


def tune(queries, mode):
    from twoworlds.search import ranking

    tuning = [q for q in queries if q["set"] == "tuning"]
    held_out = [q for q in queries if q["set"] == "held_out"]

    def score(chosen):
        return mean(r[2] for r in run(chosen, mode))

    best = score(tuning)
    print(f"start: tuning nDCG@10 {best:.3f} with { ({name: getattr(ranking, name) for name in GRID}) }")
    for round_ in (1, 2):
        for name, values in GRID.items():
            if mode == "keyword" and name in ("W_MEANING", "MEANING_FLOOR"):
                continue
            kept = getattr(ranking, name)
            for value in values:
                setattr(ranking, name, value)
                figure = score(tuning)
                if figure > best + 1e-4:
                    best, kept = figure, value
            setattr(ranking, name, kept)
            print(f"  round {round_}: {name} = {kept} -> tuning nDCG@10 {best:.3f}")
    chosen = {name: getattr(ranking, name) for name in GRID}
    print(f"best: {chosen}\n  tuning nDCG@10 {best:.3f}, held-out nDCG@10 {score(held_out):.3f}")


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else float("nan")


def summary_rows(results_by_mode, key):
    """Rows of (label, n, figures per mode) grouped by `key(entry)`."""
    first = next(iter(results_by_mode.values()))
    labels = ["all"] + sorted({key(r[0]) for r in first})
    rows = []
    for label in labels:
        row = [label, None]
        for results in results_by_mode.values():
            chosen = [r for r in results if label == "all" or key(r[0]) == label]
            row[1] = len(chosen)
            row += [mean(r[2] for r in chosen), mean(r[3] for r in chosen)]
        rows.append(row)
    return rows


def print_table(title, results_by_mode, key):
    modes = list(results_by_mode)
    print(f"\n{title}")
    header = f"  {'':<10} {'n':>4}" + "".join(f"  {m + ' nDCG@10':>16} {m + ' R@10':>14}" for m in modes)
    print(header)
    for label, n, *figures in summary_rows(results_by_mode, key):
        cells = "".join(f"  {figures[i]:>16.3f} {figures[i + 1]:>14.3f}" for i in range(0, len(figures), 2))
        print(f"  {label:<10} {n:>4}{cells}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worst", type=int, default=10, help="How many of the worst queries to show.")
    parser.add_argument("--only", choices=["tuning", "held_out"], help="Score one query set only.")
    parser.add_argument("--show", help="Print what one query returns, with labels, and stop.")
    parser.add_argument("--tune", action="store_true", help="Search the ranking weights on the tuning set.")
    args = parser.parse_args()

    queries = json.loads(QUERIES.read_text())["queries"]
    if args.only:
        queries = [q for q in queries if q["set"] == args.only]
    built = setup()
    from twoworlds.search import ranking

    hybrid = ranking.meaning_available()
    print(f"Demo directory loaded and indexed in {built:.1f}s; {len(queries)} labelled queries.")
    if args.show:
        entry = next((q for q in queries if q["query"] == args.show), {"query": args.show, "relevant": {}})
        for mode in ["keyword"] + (["hybrid"] if hybrid else []):
            ((_, ranked, n, r, _),) = run([entry], mode)
            print(f"\n{mode}: nDCG@10 {n:.3f} recall@10 {r:.3f}")
            for rank, slug in enumerate(ranked[:15], 1):
                print(f"  {rank:>2}. [{entry['relevant'].get(slug, 0)}] {slug}")
        return

    if args.tune:
        tune(queries, "hybrid" if hybrid else "keyword")
        return

    results = {"keyword": run(queries, "keyword")}
    if hybrid:
        results["hybrid"] = run(queries, "hybrid")
    else:
        print("The embedding model is not available here: figures are keyword and taxonomy only.")
    print_table(
        "By query set (tuning queries set the weights; held-out queries check them):",
        results,
        lambda e: e["set"],
    )
    print_table("By kind of query:", results, lambda e: e["kind"])
    for mode, rows in results.items():
        times = sorted(r[4] for r in rows)
        print(
            f"\n{mode}: find_groups p50 {times[len(times) // 2] * 1000:.1f} ms, "
            f"p95 {times[int(0.95 * (len(times) - 1))] * 1000:.1f} ms (SQLite, this machine)"
        )

    if hybrid:
        print("\nQueries where meaning puts a group labelled 2 into the top 3 and keywords alone do not:")
        for (entry, by_words, *_), (_, by_meaning, *_) in zip(
            results["keyword"], results["hybrid"], strict=True
        ):
            right = {slug for slug, grade in entry["relevant"].items() if grade == 2}
            if right & set(by_meaning[:3]) and not right & set(by_words[:3]):
                print(f"  [{entry['set']}] “{entry['query']}”")

    final = list(results)[-1]
    print(f"\nThe {args.worst} worst queries ({final}):")
    for entry, ranked, n, r, _ in sorted(results[final], key=lambda row: (row[2], row[3]))[: args.worst]:
        print(f"\n  nDCG@10 {n:.3f} recall@10 {r:.3f}  [{entry['set']}] “{entry['query']}”")
        wanted = [s for s, g in entry["relevant"].items() if g == 2][:4]
        print(f"    wanted (grade 2): {', '.join(wanted) or '-'}")
        got = [f"{s}[{entry['relevant'].get(s, 0)}]" for s in ranked[:5]]
        print(f"    came back: {', '.join(got) or 'nothing'}")


if __name__ == "__main__":
    main()
