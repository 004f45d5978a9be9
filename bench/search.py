"""Search at scale: our hybrid search beside the usual alternatives, on the same generated data, in one run.

    python bench/search.py [--sizes 10000,100000,1000000] [--database-url postgres://…/twoworlds_bench]
                           [--base 2000] [--repeat 3] [--clients 1,8]
    python bench/search.py --build-only --workdir DIR [--sizes …] [--database-url …]   # build, keep snapshots
    python bench/search.py --measure --workdir DIR --sizes 1000000 [--database-url …]  # measure one snapshot

For each size it reports, for our search (`search.services.find_groups`, keyword + meaning + taxonomy +
filters) and for (a) a naive Django ORM `icontains` search, (b) PostgreSQL full-text search ranked with
`ts_rank` (on PostgreSQL only), (c) FTS5/BM25 alone (on SQLite only): latency p50/p95/p99 at 1 and 8
concurrent clients (threads, each with its own database connection), queries per second, index build time,
database and index size, and the process's resident memory. Every engine returns the top 10 groups and loads
them (`directory.queries.groups_by_ids`), as a results page does. Our search embeds every query afresh (the
query cache is emptied before each), so its latency includes the model's run; the model's time alone is
printed above each table. Memory is this one process's resident set, which holds all engines at once (the
vector index file is memory-mapped: its pages count once touched); the peak is printed under each table.

Building a million listings takes far longer than measuring them, so --build-only keeps a snapshot of each
size (the database, or a PostgreSQL database named <name>_<size>, and the vector index files) in --workdir,
and --measure measures one of them later, with the code as it is then.

How the directories are generated, and what is reused: see bench/scale_directory.py. The database is a fresh
temporary SQLite file (or the PostgreSQL database named, which is dropped and recreated), never var/.
"""

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from functools import reduce

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
sys.path.insert(0, os.path.dirname(__file__))

QUERIES = [
    ("dementia", {}),
    ("my husband had a stroke and I can't cope", {}),
    ("ringing in my ears all the time", {}),
    ("ME", {}),
    ("carers", {"near": "NG7", "distance": "5"}),
    ("bereavement", {"day": "tuesday", "time": "evening"}),
    ("", {"category": "mental-health", "format": "online"}),
    ("gambling", {"near": "Beeston", "distance": "10"}),
    ("we lost one of our twins", {}),
    ("I can't stop betting on my phone", {}),
    ("anxiety and panic attacks", {}),
    ("parkinsons", {"format": "in_person"}),
    ("alcohol", {"day": "saturday"}),
    ("hearing voices", {}),
    ("autism parents", {"near": "NG1 5FS", "distance": "10"}),
    ("demntia carers", {}),
]
PAGE = 10


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def resident_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def forget_query_vectors():
    from twoworlds.search import embeddings

    model = embeddings._model()
    if model is not None:
        model.embed_one.cache_clear()


# --- the engines ----------------------------------------------------------------------------------------


def ours(q, filters):
    from twoworlds.search.forms import SearchForm
    from twoworlds.search.services import find_groups

    forget_query_vectors()  # every query is embedded again: the latency includes the model's run
    form = SearchForm({"q": q, **filters})
    form.is_valid()
    outcome = find_groups(form.cleaned_data.get("q", ""), form.filters())
    return [h.group_id for h in outcome.load(0, PAGE)]


def orm_icontains(q, filters):
    """What a first Django directory does: any word in the name or description, filters by joins."""
    from django.db.models import Q

    from twoworlds.directory.models import Group
    from twoworlds.search.keyword import query_terms

    groups = Group.objects.filter(status="active", lapsed=False)
    terms = query_terms(q)
    if terms:
        groups = groups.filter(
            reduce(lambda a, b: a | b, [Q(name__icontains=t) | Q(description__icontains=t) for t in terms])
        )
    if filters.get("category"):
        groups = groups.filter(categories__slug=filters["category"])
    if filters.get("format") == "online":
        groups = groups.filter(meetings__attendance__in=["online", "hybrid"])
    if filters.get("near"):
        groups = groups.filter(meetings__venue__town__icontains=filters["near"].split()[0])
    return list(groups.order_by("name").values_list("id", flat=True).distinct()[:PAGE])


def postgres_ts_rank(q, filters):
    """PostgreSQL full-text search as typical service-directory stacks use it: websearch_to_tsquery on a
    GIN-indexed tsvector, ranked with ts_rank (the same tsvector column our search uses)."""
    from django.db import connection

    sql = (
        "SELECT d.group_id FROM search_searchdocument d, websearch_to_tsquery('english', %s) q "
        "WHERE d.listed AND d.search_tsv @@ q ORDER BY ts_rank(d.search_tsv, q) DESC LIMIT %s"
    )
    if not q.strip():
        sql, params = (
            "SELECT group_id FROM search_searchdocument WHERE listed ORDER BY sort_name LIMIT %s",
            [PAGE],
        )
    else:
        params = [q, PAGE]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def fts5_bm25(q, filters):
    """FTS5 with BM25 alone: any of the words, best first."""
    from django.db import connection

    from twoworlds.search.keyword import query_terms

    terms = query_terms(q)
    with connection.cursor() as cursor:
        if not terms:
            cursor.execute(
                "SELECT group_id FROM search_searchdocument WHERE listed ORDER BY sort_name LIMIT %s", [PAGE]
            )
        else:
            cursor.execute(
                "SELECT d.group_id FROM search_fts JOIN search_searchdocument d ON d.id = search_fts.rowid "
                "WHERE search_fts MATCH %s AND d.listed ORDER BY bm25(search_fts) LIMIT %s",
                [" OR ".join(f'"{t}"' for t in terms), PAGE],
            )
        return [row[0] for row in cursor.fetchall()]


def loaded(engine):
    def run(q, filters):
        from twoworlds.directory.queries import groups_by_ids

        ids = engine(q, filters)
        if engine is not ours:
            groups_by_ids(ids)
        return ids

    return run


# --- measuring ------------------------------------------------------------------------------------------


def measure(engine, clients, repeat):
    """Latencies (ms) of every query, and queries per second, with `clients` threads at once."""
    from django.db import connection

    work = QUERIES * repeat
    latencies, lock = [], threading.Lock()

    def client(share):
        mine = []
        for q, filters in share:
            began = time.perf_counter()
            engine(q, filters)
            mine.append((time.perf_counter() - began) * 1000)
        with lock:
            latencies.extend(mine)
        connection.close()

    for q, filters in QUERIES:  # warm: caches, the vector index, the model
        engine(q, filters)
    shares = [work[i::clients] for i in range(clients)] if clients > 1 else [work]
    threads = [threading.Thread(target=client, args=(share,)) for share in shares]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    return latencies, len(work) / elapsed


def keyword_index_build_seconds():
    """Rebuild the keyword index from the documents, timed (the same index for ours and the baseline)."""
    from django.db import connection

    began = time.perf_counter()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP INDEX IF EXISTS search_tsv_gin")
            cursor.execute("CREATE INDEX search_tsv_gin ON search_searchdocument USING gin (search_tsv)")
            cursor.execute("ANALYZE")  # every table: the facets and points grew with the copies too
        else:
            cursor.execute("DELETE FROM search_fts")
            cursor.execute(
                "INSERT INTO search_fts(rowid, name, categories, body, place) "
                "SELECT id, name, categories_text, body, place_text FROM search_searchdocument"
            )
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")
    return time.perf_counter() - began


def keyword_index_bytes():
    from django.db import connection

    with connection.cursor() as cursor:
        try:
            if connection.vendor == "postgresql":
                cursor.execute("SELECT pg_relation_size('search_tsv_gin')")
            else:
                cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'search_fts%'")
            return cursor.fetchone()[0]
        except Exception:  # noqa: BLE001 - dbstat is not compiled into every SQLite
            return None


def vector_index_build():
    """(seconds, bytes) for building the vector index from the stored vectors (a graph from
    SEARCH_ANN_THRESHOLD vectors on, else exact), as `rebuild_search_index` does after embedding."""
    from django.conf import settings

    from twoworlds.search import embeddings, vectors

    if not embeddings.available():
        return None, None
    began = time.perf_counter()
    vectors.save_index()
    seconds = time.perf_counter() - began
    path = settings.SEARCH_VECTOR_INDEX
    return seconds, os.path.getsize(path) if os.path.exists(path) else None


def snapshot(size, workdir, vendor, database_url):
    """Keep a copy of the directory as it is now (database and vector index files) in workdir/<size>, to be
    measured later with --measure: building a million listings takes far longer than measuring them."""
    import shutil

    from django.db import connection

    target = os.path.join(workdir, str(size))
    os.makedirs(target, exist_ok=True)
    for name in os.listdir(os.environ["TWOWORLDS_VAR_DIR"]):
        if name.startswith("search-vectors"):
            shutil.copy2(os.path.join(os.environ["TWOWORLDS_VAR_DIR"], name), target)
    if vendor == "postgresql":
        name = connection.settings_dict["NAME"]
        connection.close()
        import psycopg

        with psycopg.connect(database_url.rpartition("/")[0] + "/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}_{size}"')
            admin.execute(f'CREATE DATABASE "{name}_{size}" TEMPLATE "{name}"')
    else:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
        shutil.copy2(connection.settings_dict["NAME"], os.path.join(target, "bench.sqlite3"))


def snapshot_settings(size, workdir, database_url):
    target = os.path.join(workdir, str(size))
    os.environ["TWOWORLDS_VAR_DIR"] = target
    if database_url:
        base, _, name = database_url.rpartition("/")
        os.environ["DATABASE_URL"] = f"{base}/{name}_{size}"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{target}/bench.sqlite3"


def build_line(size, keyword_build, vector_build, vector_bytes):
    from scale_directory import database_size_bytes, human_bytes

    return (
        f"database {human_bytes(database_size_bytes())}; keyword index {human_bytes(keyword_index_bytes())} "
        f"built in {keyword_build:.1f} s; vector index "
        + (f"{human_bytes(vector_bytes)} built in {vector_build:.1f} s" if vector_build is not None else "-")
    )


def settle():
    """Wait until every process's vector index would have stopped re-reading the rows just written: for
    SYNC_MARGIN after a write, each sync reads every row written inside the margin (vectors.py), which right
    after building a large directory is all of them, once a second."""
    from django.db.models import Max
    from django.utils import timezone

    from twoworlds.search import vectors
    from twoworlds.search.models import SearchVector

    latest = SearchVector.objects.aggregate(latest=Max("updated_at"))["latest"]
    if latest is not None:
        wait = (latest + vectors.SYNC_MARGIN - timezone.now()).total_seconds() + 2
        if wait > 0:
            print(f"(waiting {wait:.0f} s for the vector index's catch-up window to pass)", flush=True)
            time.sleep(wait)


def report(engines, client_counts, repeat):
    from twoworlds.search import embeddings

    settle()

    if embeddings.available():
        model = embeddings._model()
        times = []
        for q, _ in QUERIES * repeat:
            if q:
                model.embed_one.cache_clear()
                began = time.perf_counter()
                embeddings.embed_query(q)
                times.append((time.perf_counter() - began) * 1000)
        print(
            f"query embedding (uncached): p50 {statistics.median(times):.1f} ms, "
            f"p95 {percentile(times, 0.95):.1f} ms, max {max(times):.1f} ms"
        )
    header = f"{'engine':26}{'clients':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'q/s':>8}{'RSS MB':>9}"
    print(header)
    for label, engine in engines:
        for clients in client_counts:
            latencies, qps = measure(engine, clients, repeat)
            print(
                f"{label:26}{clients:>8}{statistics.median(latencies):9.1f}{percentile(latencies, 0.95):9.1f}"
                f"{percentile(latencies, 0.99):9.1f}{qps:8.1f}{resident_mb():9.0f}",
                flush=True,
            )
    print(f"peak resident memory of this process (all engines): {peak_resident_mb():.0f} MB", flush=True)


def peak_resident_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--base", type=int, default=2000, help="demo groups generated before copying")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--clients", default="1,8")
    parser.add_argument("--database-url", default="")
    parser.add_argument(
        "--workdir", default="", help="where --build-only keeps, and --measure finds, snapshots"
    )
    parser.add_argument(
        "--build-only", action="store_true", help="build every size and keep a snapshot of each in --workdir"
    )
    parser.add_argument("--measure", action="store_true", help="measure the snapshot of the one size given")
    parser.add_argument("--engines", default="", help="only these engines: ours,(a),(b),(c)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    client_counts = [int(c) for c in args.clients.split(",")]
    if (args.build_only or args.measure) and not args.workdir:
        parser.error("--build-only and --measure need --workdir")
    if args.measure and len(sizes) != 1:
        parser.error("--measure takes one size")

    workdir = args.workdir or tempfile.mkdtemp(prefix="twoworlds-bench-")
    os.makedirs(workdir, exist_ok=True)
    if args.measure:
        snapshot_settings(sizes[0], workdir, args.database_url)
    else:
        os.environ["TWOWORLDS_VAR_DIR"] = os.path.join(workdir, "live")
        os.makedirs(os.environ["TWOWORLDS_VAR_DIR"], exist_ok=True)
        os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{workdir}/live/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twoworlds.settings")
    os.environ["CI"] = "true"  # quiet progress bars
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from scale_directory import ScaleDirectory

    engines = [("ours (hybrid)", loaded(ours)), ("(a) ORM icontains", loaded(orm_icontains))]
    if connection.vendor == "postgresql":
        engines.append(("(b) PostgreSQL ts_rank", loaded(postgres_ts_rank)))
    else:
        engines.append(("(c) FTS5 BM25 alone", loaded(fts5_bm25)))
    if args.engines:
        wanted = [w.strip() for w in args.engines.split(",")]
        engines = [(label, engine) for label, engine in engines if any(label.startswith(w) for w in wanted)]
    print(
        f"database: {connection.vendor}; machine: {os.cpu_count()} cores, load average "
        f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}; queries: {len(QUERIES)} x {args.repeat}",
        flush=True,
    )

    if args.measure:
        call_command("migrate", verbosity=0)  # a search migration added since the snapshot was built
        with open(os.path.join(workdir, str(sizes[0]), "build.txt")) as built:
            print(built.read().rstrip())
        report(engines, client_counts, args.repeat)
        return

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", verbosity=0)
    directory = ScaleDirectory(args.base)
    directory.build_base()
    for label, seconds in directory.timings.items():
        print(f"  {label}: {seconds:.1f} s", flush=True)
    for size in sizes:
        grow = directory.grow_to(size)
        title = f"=== {directory.size():,} listings (copied in {grow:.1f} s) ==="
        print(f"\n{title}", flush=True)
        keyword_build = keyword_index_build_seconds()
        vector_build, vector_bytes = vector_index_build()
        line = build_line(size, keyword_build, vector_build, vector_bytes)
        print(line, flush=True)
        if args.build_only:
            os.makedirs(os.path.join(workdir, str(size)), exist_ok=True)
            with open(os.path.join(workdir, str(size), "build.txt"), "w") as built:
                built.write(f"{title}\n{line}\n")
            snapshot(size, workdir, connection.vendor, os.environ["DATABASE_URL"])
            print(f"snapshot kept in {os.path.join(workdir, str(size))}", flush=True)
        else:
            report(engines, client_counts, args.repeat)


if __name__ == "__main__":
    main()
