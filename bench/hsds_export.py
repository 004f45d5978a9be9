"""HSDS 3.0 export at scale: services per second and peak memory, JSON and CSV, SQLite and PostgreSQL.

    python bench/hsds_export.py [--groups 10000 100000] [--database-url postgres://postgres@127.0.0.1/tw_bench]
                                [--batch 500] [--trace-upto 10000]

For each size it builds a generated directory (the demo's plan, written in bulk, no search index) in a
database of its own: a temporary SQLite file, and, with --database-url (or DATABASE_URL), a PostgreSQL
database (created if missing, emptied first). Each export then runs in a fresh process, so that its
ru_maxrss is the export's own: tracemalloc's peak is what Python allocated during the export, ru_maxrss the
process's whole resident peak (interpreter and Django included), from an untraced run, which also gives
the speed. tracemalloc slows Python about fivefold, so the traced run is made only up to --trace-upto
groups. Memory that stays flat from 10,000 to 100,000 groups is what "streamed, constant memory" means.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent


def setup_django(database_url, workdir):
    os.environ["TWOWORLDS_VAR_DIR"] = str(workdir)
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twoworlds.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def ensure_postgres_database(url):
    """Create the benchmark's PostgreSQL database if it is not there yet."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit((parts.scheme, parts.netloc, "/postgres", parts.query, ""))
    with psycopg.connect(admin, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def build(groups):
    """Migrate, empty the directory, and write `groups` generated groups in bulk. Seconds taken."""
    from django.core.management import call_command
    from django.db import transaction

    from twoworlds.directory import demo

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    plan = demo.build_plan(groups)
    with transaction.atomic():
        demo.clear_demo_data(everything=True)
        demo.write_in_bulk(plan)
    return time.perf_counter() - started


def export_once(kind, target, batch, traced):
    """Run one export in this process and report its figures as JSON on stdout. Traced, tracemalloc
    records every allocation (and slows Python about fivefold), so speed comes from an untraced run."""
    from twoworlds.interop import exporting

    if traced:
        tracemalloc.start()
    started = time.perf_counter()
    if kind == "json":
        result = exporting.export_json(target, batch_size=batch)
    else:
        result = exporting.export_tables(target, batch_size=batch)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] if traced else None
    tracemalloc.stop()
    size = sum(p.stat().st_size for p in Path(target).rglob("*") if p.is_file()) if kind == "csv" else None
    print(
        json.dumps(
            {
                "services": result.services,
                "seconds": elapsed,
                "tracemalloc_peak": peak,
                "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                "bytes": size if size is not None else Path(target).stat().st_size,
            }
        )
    )


def measure(database_url, workdir, kind, batch, traced=False):
    target = Path(workdir) / ("services.json" if kind == "json" else "hsds")
    command = [sys.executable, __file__, "--export-one", kind, str(target), "--database-url", database_url]
    command += ["--batch", str(batch), "--workdir", str(workdir)] + (["--traced"] if traced else [])
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument(
        "--trace-upto",
        type=int,
        default=10_000,
        help="Also run a tracemalloc-traced export for sizes up to this many groups (default 10000; traced "
        "runs are about five times slower).",
    )
    parser.add_argument("--skip-sqlite", action="store_true", help="Only PostgreSQL (with --database-url).")
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--export-one", nargs=2, metavar=("KIND", "TARGET"), help=argparse.SUPPRESS)
    parser.add_argument("--build-one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.build_one:
        setup_django(args.database_url, args.workdir)
        print(build(args.build_one))
        return

    if args.export_one:
        setup_django(args.database_url, args.workdir)
        export_once(*args.export_one, args.batch, args.traced)
        return

    databases = [] if args.skip_sqlite else [("sqlite", None)]
    if args.database_url.startswith("postgres"):
        databases.append(("postgresql", args.database_url))
    print(
        f"{'database':<11}{'groups':>8}{'form':>6}{'services':>10}{'s':>8}{'services/s':>12}"
        f"{'tracemalloc peak':>18}{'ru_maxrss':>11}{'output':>10}"
    )
    for vendor, url in databases:
        for groups in args.groups:
            workdir = Path(tempfile.mkdtemp(prefix="twoworlds-bench-export-"))
            database_url = url or f"sqlite:///{workdir}/bench.sqlite3"
            if vendor == "postgresql":
                ensure_postgres_database(database_url)
            built = subprocess.run(
                [sys.executable, __file__, "--build-one", str(groups), "--database-url", database_url]
                + ["--workdir", str(workdir)],
                check=True,
                capture_output=True,
                text=True,
            )
            seconds = float(built.stdout.strip().splitlines()[-1])
            print(f"# {vendor}: {groups} groups built in {seconds:.0f} s", flush=True)
            for kind in ("json", "csv"):
                figures = measure(database_url, workdir, kind, args.batch)
                rate = figures["services"] / figures["seconds"]
                peak = "-"
                if groups <= args.trace_upto:
                    traced = measure(database_url, workdir, kind, args.batch, traced=True)
                    peak = f"{traced['tracemalloc_peak'] / 2**20:.1f} MiB"
                print(
                    f"{vendor:<11}{groups:>8}{kind:>6}{figures['services']:>10}{figures['seconds']:>8.1f}"
                    f"{rate:>12.0f}{peak:>18}{figures['maxrss_kib'] / 2**10:>7.0f} MiB"
                    f"{figures['bytes'] / 2**20:>6.0f} MiB",
                    flush=True,
                )
            shutil.rmtree(workdir, ignore_errors=True)  # the SQLite file and the exports


if __name__ == "__main__":
    main()
