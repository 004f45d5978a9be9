"""HSDS 3.0 import at scale: services per second and peak memory, on SQLite and PostgreSQL.

    python bench/hsds_import.py [--services 100000] [--database-url postgres://postgres@127.0.0.1/tw_bench]
                                [--index-sample 2000] [--profile]

It generates N HSDS 3.0 services (nested organisation, a location with its address and accessibility, one or
two weekly or monthly schedules, a phone, an email, taxonomy terms, sometimes a language), streamed to a
temporary JSON file, then imports the file into an empty database of its own: a temporary SQLite file and,
with --database-url (or DATABASE_URL), a PostgreSQL database (created if missing, emptied first). Each
import runs in a fresh process, so its ru_maxrss is the import's own (interpreter and Django included);
the file is read with ijson, so memory stays flat as N grows.

Printed for each database: the import (records per second, with the transaction's commit), the peak
resident memory, and then, separately, the search index update for the imported groups (keyword index
only, timed on --index-sample groups and extrapolated; the sentence-embedding vectors are a further step
of the search app, timed by bench/embedding.py). --profile runs cProfile on the SQLite import and prints
the top functions.
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
TERMS = [
    ("esd", "ESD-101", "Carers"),
    ("esd", "ESD-102", "Dementia"),
    ("esd", "ESD-103", "Bereavement"),
    ("esd", "ESD-104", "Anxiety"),
    ("esd", "ESD-105", "Depression"),
    ("esd", "ESD-106", "Tinnitus"),
    ("esd", "ESD-107", "Alcohol"),
    ("esd", "ESD-108", "Allotment gardening"),
    ("oruk", "OR-1", "Hearing voices"),
    ("oruk", "OR-2", "Autism"),
    ("oruk", "OR-3", "Stroke"),
    ("oruk", "OR-4", "Community lunch club"),
]
TOWNS = ["Nottingham", "Leeds", "Bristol", "Derby", "York", "Leicester", "Sheffield", "Hull"]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def generate(path, count, seed=1):
    """Write `count` services to `path` as a JSON list, one at a time (never all in memory)."""
    rng = random.Random(seed)
    organisations = max(1, count // 5)
    venues = max(1, count // 3)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("[")
        for n in range(count):
            org = n % organisations
            venue = rng.randrange(venues)
            town = TOWNS[venue % len(TOWNS)]
            location_id = str(uuid.UUID(int=(2 << 120) + venue))
            schedules = [
                {
                    "id": f"sch-{n}-{k}",
                    "freq": "MONTHLY" if k else "WEEKLY",
                    "byday": f"{rng.choice([1, 2, 3, -1])}{rng.choice(DAYS)}" if k else rng.choice(DAYS),
                    "opens_at": f"{rng.randrange(9, 20):02d}:{rng.choice(['00', '30'])}",
                    "closes_at": "21:30",
                    "location_id": location_id,
                }
                for k in range(rng.choice([1, 1, 2]))
            ]
            terms = rng.sample(TERMS, rng.choice([1, 2]))
            service = {
                "id": str(uuid.UUID(int=(1 << 120) + n)),
                "name": f"{terms[0][2]} support group {town} {n}",
                "description": f"<p>People affected by {terms[0][2].lower()} meet to share and support "
                f"each other in {town}.</p><p>Everyone is welcome&nbsp;&mdash; just come along.</p>",
                "email": f"group{n}@example.org",
                "url": f"https://group{n}.example.org",
                "status": "active",
                "fees_description": "Free",
                "eligibility_description": "Adults affected, their family and friends.",
                "organization": {
                    "id": str(uuid.UUID(int=(3 << 120) + org)),
                    "name": f"{town} Community Network {org}",
                    "description": "A local charity.",
                    "website": f"https://network{org}.example.org",
                },
                "phones": [{"id": f"ph-{n}", "number": f"0115 {rng.randrange(100, 999)} {n % 10000:04d}"}],
                "service_at_locations": [
                    {
                        "id": f"sal-{n}",
                        "location": {
                            "id": location_id,
                            "location_type": "physical",
                            "name": f"Community Hall {venue}",
                            "latitude": 52.9 + rng.random() / 10,
                            "longitude": -1.2 + rng.random() / 10,
                            "addresses": [
                                {
                                    "id": f"addr-{venue}",
                                    "address_1": f"{venue % 200 + 1} High Street",
                                    "city": town,
                                    "state_province": "",
                                    "postal_code": "NG1 1AA",
                                    "country": "GB",
                                    "address_type": "physical",
                                }
                            ],
                            "accessibility": [{"id": f"acc-{venue}", "description": "Step-free access"}]
                            if venue % 2
                            else [],
                        },
                    }
                ],
                "schedules": schedules,
                "languages": [{"id": f"lang-{n}", "name": "Polish", "code": "pl"}] if n % 10 == 0 else [],
                "attributes": [
                    {"id": f"attr-{n}-{code}", "taxonomy_term": {"id": code, "code": code, "name": name,
                                                                 "taxonomy": taxonomy}}
                    for taxonomy, code, name in terms
                ],
            }  # fmt: skip
            handle.write(("," if n else "") + json.dumps(service))
        handle.write("]")


def setup_django(database_url, workdir):
    os.environ["TWOWORLDS_VAR_DIR"] = str(workdir)
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twoworlds.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def ensure_postgres_database(url):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit((parts.scheme, parts.netloc, "/postgres", parts.query, ""))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def import_once(path, index_sample, profile):
    """In this process: migrate, import the file, then time the index update on a sample. JSON out."""
    from django.core.management import call_command

    from twoworlds.interop.importer import ImportReport, import_services, reindex_imported, source_named
    from twoworlds.interop.readers import open_input

    call_command("migrate", verbosity=0)
    source = source_named("bench")
    found = open_input(path)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        report = profiler.runcall(import_services, source, found.services)
        stats = pstats.Stats(profiler, stream=sys.stderr).sort_stats(os.environ.get("BENCH_SORT", "tottime"))
        stats.print_stats(18)
    else:
        report = import_services(source, found.services)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_seconds = usage.ru_utime + usage.ru_stime - cpu_before
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sample = ImportReport(changed_group_ids=set(list(report.changed_group_ids)[:index_sample]))
    started = time.perf_counter()
    indexed = reindex_imported(sample)
    index_seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "counts": report.counts_dict(),
                "error": report.error,
                "problems": len(report.problems),
                "seconds": seconds,
                "cpu_seconds": cpu_seconds,
                "load": os.getloadavg()[0],
                "peak_rss_mib": peak / 1024,
                "rss_before_mib": rss_before / 1024,
                "indexed": indexed,
                "index_seconds": index_seconds,
                "changed": len(report.changed_group_ids),
            }
        )
    )


def run_child(database_url, path, index_sample, profile):
    with tempfile.TemporaryDirectory(prefix="tw-bench-import-") as workdir:
        env = {**os.environ, "SEARCH_MODEL_DIR": str(Path(workdir) / "no-model")}
        command = [sys.executable, __file__, "--child", str(path), "--database-url", database_url,
                   "--workdir", workdir, "--index-sample", str(index_sample)]  # fmt: skip
        command += ["--profile"] if profile else []
        result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        if result.returncode:
            sys.stderr.write(result.stderr)
            raise SystemExit(f"the import on {database_url} failed")
        if profile:
            sys.stderr.write(result.stderr[-6000:])
        return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--index-sample", type=int, default=2000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--child")
    parser.add_argument("--workdir")
    args = parser.parse_args()

    if args.child:
        setup_django(args.database_url or f"sqlite:///{Path(args.workdir) / 'bench.sqlite3'}", args.workdir)
        import_once(args.child, args.index_sample, args.profile)
        return

    with tempfile.TemporaryDirectory(prefix="tw-bench-hsds-") as folder:
        path = Path(folder) / "services.json"
        started = time.perf_counter()
        generate(path, args.services)
        print(
            f"generated {args.services:,} services ({path.stat().st_size / 2**20:.0f} MiB of JSON) "
            f"in {time.perf_counter() - started:.1f}s"
        )
        targets = [("SQLite", "")]
        if args.database_url.startswith("postgres"):
            ensure_postgres_database(args.database_url)
            targets.append(("PostgreSQL", args.database_url))
        for label, url in targets:
            figures = run_child(url, path, args.index_sample, args.profile and label == "SQLite")
            counts = figures["counts"]
            rate = args.services / figures["seconds"]
            per_group = figures["index_seconds"] / max(figures["indexed"], 1)
            print(
                f"{label}: imported {args.services:,} services in {figures['seconds']:.1f}s = {rate:,.0f} "
                f"services/s; created {counts['created']:,}, rejected {counts['rejected']}, problems "
                f"{figures['problems']}; peak memory {figures['peak_rss_mib']:.0f} MiB resident "
                f"({figures['rss_before_mib']:.0f} MiB before the import)"
            )
            print(
                f"{label}: the import used {figures['cpu_seconds']:.1f}s of CPU in this process = "
                f"{args.services / figures['cpu_seconds']:,.0f} services per CPU-second (load average "
                f"{figures['load']:.1f} on {os.cpu_count()} cores while it ran; the database server's own "
                f"CPU is not counted for PostgreSQL)"
            )
            print(
                f"{label}: search index (keyword) for {figures['indexed']:,} of the groups in "
                f"{figures['index_seconds']:.1f}s = {1 / per_group if per_group else 0:,.0f} groups/s; all "
                f"{figures['changed']:,} would take about {per_group * figures['changed']:.0f}s"
            )


if __name__ == "__main__":
    main()
