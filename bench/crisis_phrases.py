"""Precision and recall of the distress detector on a labelled list of phrasings.

    python bench/crisis_phrases.py [--phrases bench/data/crisis_phrases.json] [--verbose]

Prints precision and recall (over the committed phrases, and again counting the known misses), results per
category, and every false positive and false negative with the reason it is accepted or known, if it is.
Needs no database: the detector is plain Python. Exits 1 when a false positive is not accepted or a false
negative is not a known miss, so it can run in CI beside the tests.
"""

import argparse
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_PHRASES = HERE / "data" / "crisis_phrases.json"


def ratio(part, whole):
    return part / whole if whole else 1.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phrases", default=str(DEFAULT_PHRASES))
    parser.add_argument(
        "--verbose", action="store_true", help="also list every phrase and the signals it hit"
    )
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twoworlds.settings")
    sys.path.insert(0, str(HERE.parent / "src"))
    from twoworlds.safety.services import crisis_signals, reads_as_crisis

    data = json.loads(Path(args.phrases).read_text(encoding="utf-8"))
    phrases, misses = data["phrases"], data.get("known_misses", [])

    rows = []
    for item in phrases + [{**m, "crisis": True, "known_miss": m["reason"]} for m in misses]:
        signals = crisis_signals(item["text"])
        assert bool(signals) == reads_as_crisis(item["text"]), item["text"]
        rows.append((item, signals))

    def counts(selected):
        tp = sum(1 for i, s in selected if i["crisis"] and s)
        fp = sum(1 for i, s in selected if not i["crisis"] and s)
        fn = sum(1 for i, s in selected if i["crisis"] and not s)
        tn = sum(1 for i, s in selected if not i["crisis"] and not s)
        return tp, fp, fn, tn

    committed = [r for r in rows if "known_miss" not in r[0]]
    tp, fp, fn, tn = counts(committed)
    print(
        f"phrases: {len(committed)} committed ({tp + fn} crisis, {fp + tn} not) + {len(misses)} known misses"
    )
    print(
        f"committed set:        precision {ratio(tp, tp + fp):.3f}  recall {ratio(tp, tp + fn):.3f}"
        f"  (TP {tp}, FP {fp}, FN {fn}, TN {tn})"
    )
    tp2, fp2, fn2, tn2 = counts(rows)
    print(
        f"with known misses:    precision {ratio(tp2, tp2 + fp2):.3f}  recall {ratio(tp2, tp2 + fn2):.3f}"
        f"  (TP {tp2}, FP {fp2}, FN {fn2}, TN {tn2})"
    )
    unaccepted_fp = [
        (i, s) for i, s in committed if not i["crisis"] and s and not i.get("accepted_false_positive")
    ]
    accepted_fp = fp - len(unaccepted_fp)
    strict_precision = ratio(tp, tp + len(unaccepted_fp))
    print(f"not counting the {accepted_fp} accepted false positives: precision {strict_precision:.3f}")

    print("\nper category (shown help / phrases):")
    by_category = defaultdict(list)
    for item, signals in rows:
        by_category[item["category"]].append(bool(signals))
    for category in data.get("categories", sorted(by_category)):
        shown = by_category.get(category, [])
        print(f"  {category:<20} {sum(shown):>3} / {len(shown):<3}")

    print("\nfalse positives (help shown, not a crisis):")
    listed = False
    for item, signals in rows:
        if not item["crisis"] and signals:
            listed = True
            why = item.get("accepted_false_positive")
            print(f"  {'accepted' if why else 'NOT ACCEPTED'}: {item['text']!r} <- {', '.join(signals)}")
            if why:
                print(f"      why: {why}")
    if not listed:
        print("  none")

    print("\nfalse negatives (a crisis, no help shown):")
    listed = False
    for item, signals in rows:
        if item["crisis"] and not signals:
            listed = True
            why = item.get("known_miss")
            print(f"  {'known miss' if why else 'MISSED'}: {item['text']!r} ({item['category']})")
            if why:
                print(f"      why: {why}")
    if not listed:
        print("  none")

    recovered = [i for i, s in rows if "known_miss" in i and s]
    if recovered:
        print("\nknown misses now detected (move them into phrases):")
        for item in recovered:
            print(f"  {item['text']!r}")

    if args.verbose:
        print("\nevery phrase:")
        for item, signals in rows:
            mark = "+" if signals else "-"
            print(f"  {mark} [{item['category']}] {item['text']!r}: {', '.join(signals) or 'no signal'}")

    texts = [i["text"] for i, _ in rows]
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        for text in texts:
            reads_as_crisis(text)
        timings.append((time.perf_counter() - started) / len(texts))
    print(f"\nspeed: {statistics.median(timings) * 1e6:.0f} µs per phrase (median of 5 passes)")

    missed = [i for i, s in rows if i["crisis"] and not s and "known_miss" not in i]
    return 1 if unaccepted_fp or missed else 0


if __name__ == "__main__":
    sys.exit(main())
