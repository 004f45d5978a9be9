"""Search response time on the demo directory: p50/p95 of find_groups and of the whole /search page.

    python bench/search.py [--groups 250] [--repeat 20] [--database-url postgres://…/twoworlds_bench]

Builds its own database (a temporary SQLite file by default), so it never touches var/ or your data.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time

QUERIES = [
    ("dementia", {}),
    ("my husband had a stroke and I can't cope", {}),
    ("ringing in my ears", {}),
    ("ME", {}),
    ("carers", {"near": "NG7", "distance": "5"}),
    ("bereavement", {"day": "tuesday", "time": "evening"}),
    ("", {"category": "mental-health", "format": "online"}),
    ("gambling", {"near": "Beeston", "distance": "10"}),
    ("lost our baby", {}),
    ("", {"near": "NG1 5FS", "distance": "3"}),
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=250)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="twoworlds-bench-")
    os.environ["TWOWORLDS_VAR_DIR"] = workdir
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twoworlds.settings")
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from twoworlds.search.forms import SearchForm
    from twoworlds.search.services import find_groups

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("demo_data", groups=args.groups, no_staff=True, verbosity=0)
    print(
        f"database: {connection.vendor}; demo directory of {args.groups} groups built in "
        f"{time.perf_counter() - started:.1f} s"
    )

    service_ms, page_ms = [], []
    client = Client(HTTP_HOST="localhost")
    for q, filters in QUERIES * args.repeat:
        form = SearchForm({"q": q, **filters})
        assert form.is_valid(), form.errors
        began = time.perf_counter()
        outcome = find_groups(form.cleaned_data["q"], form.filters())
        outcome.load(0, 20)
        service_ms.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        response = client.get("/search", {"q": q, **filters}, REMOTE_ADDR=f"10.0.{len(page_ms) % 250}.1")
        page_ms.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, (q, filters, response.status_code)

    print(f"{'':24}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}   ({len(service_ms)} searches)")
    for label, values in (("find_groups + load", service_ms), ("GET /search (page)", page_ms)):
        print(
            f"{label:24}{statistics.median(values):10.1f}{percentile(values, 0.95):10.1f}{max(values):10.1f}"
        )


if __name__ == "__main__":
    main()
