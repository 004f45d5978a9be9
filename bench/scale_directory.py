"""Generated directories of any size for the search benchmark, built fast and in SQL.

How a directory of N listings is made (and exactly what is reused):
- A base of real-looking local groups comes from the demo generator (`demo_data --groups BASE`, default
  2,000; national organisations are left as they are, once), indexed the normal way (`rebuild_index`),
  which embeds every base document with the model when it is installed.
- The base's local groups are then copied, round after round, into other places in Great Britain: each copy
  is a new group (new id, slug and name ending in the town's name) with the base group's categories and
  meetings, a new search document whose place words are the new town's, the same facets, and points moved
  to that town. The keyword index (FTS5 on SQLite, the generated tsvector on PostgreSQL) is built from the
  copies' own text by the database, as for any listing.
- Vectors: a copy's vector is NOT a new run of the model. It is the base document's vector plus 0.25 times
  the vector of the sentence "in <town>" (one model run per town), normalised. So at 1,000,000 listings the
  model has run BASE + number of towns times, and each base vector is reused by every copy of that group.
"""

# ruff: noqa: E501 -- the table of towns below is kept one row per line of several towns, unformatted
import math
import time

import numpy as np
from django.db import connection, transaction

# Town centres across Great Britain (approximate; only their spread matters).
TOWNS = [
    ("Aberdeen", 57.15, -2.09), ("Bath", 51.38, -2.36), ("Belfast", 54.60, -5.93), ("Birmingham", 52.49, -1.89),
    ("Blackpool", 53.82, -3.05), ("Bolton", 53.58, -2.43), ("Bournemouth", 50.72, -1.88),
    ("Bradford", 53.80, -1.75), ("Brighton", 50.82, -0.14), ("Bristol", 51.45, -2.59), ("Cambridge", 52.21, 0.12),
    ("Canterbury", 51.28, 1.08), ("Cardiff", 51.48, -3.18), ("Carlisle", 54.89, -2.93),
    ("Chelmsford", 51.74, 0.47), ("Chester", 53.19, -2.89), ("Colchester", 51.89, 0.90), ("Coventry", 52.41, -1.51),
    ("Derby", 52.92, -1.48), ("Doncaster", 53.52, -1.13), ("Dundee", 56.46, -2.97), ("Durham", 54.78, -1.57),
    ("Edinburgh", 55.95, -3.19), ("Exeter", 50.72, -3.53), ("Glasgow", 55.86, -4.25), ("Gloucester", 51.86, -2.24),
    ("Hull", 53.74, -0.33), ("Inverness", 57.48, -4.22), ("Ipswich", 52.06, 1.16), ("Lancaster", 54.05, -2.80),
    ("Leeds", 53.80, -1.55), ("Leicester", 52.64, -1.13), ("Lincoln", 53.23, -0.54), ("Liverpool", 53.41, -2.98),
    ("Luton", 51.88, -0.42), ("Manchester", 53.48, -2.24), ("Middlesbrough", 54.57, -1.23),
    ("Milton Keynes", 52.04, -0.76), ("Newcastle", 54.98, -1.62), ("Newport", 51.58, -3.00),
    ("Northampton", 52.24, -0.90), ("Norwich", 52.63, 1.30), ("Oxford", 51.75, -1.26), ("Peterborough", 52.57, -0.24),
    ("Plymouth", 50.38, -4.14), ("Portsmouth", 50.82, -1.09), ("Preston", 53.76, -2.70), ("Reading", 51.45, -0.98),
    ("Sheffield", 53.38, -1.47), ("Shrewsbury", 52.71, -2.75), ("Southampton", 50.90, -1.40),
    ("Stoke", 53.00, -2.18), ("Sunderland", 54.91, -1.38), ("Swansea", 51.62, -3.94), ("Swindon", 51.56, -1.78),
    ("Truro", 50.26, -5.05), ("Wolverhampton", 52.59, -2.13), ("Worcester", 52.19, -2.22), ("Wrexham", 53.05, -3.00),
    ("York", 53.96, -1.08), ("Lewisham", 51.45, -0.01), ("Croydon", 51.37, -0.10), ("Camden", 51.54, -0.14),
    ("Hackney", 51.55, -0.06), ("Islington", 51.54, -0.10), ("Barnet", 51.65, -0.20), ("Ealing", 51.51, -0.30),
]  # fmt: skip
BASE_LATITUDE, BASE_LONGITUDE = 52.95, -1.15  # the demo directory is around Nottingham
# Copy k of base document d has id k * SPAN + d (within PostgreSQL's integer up to 214,000 copies).
DOCUMENT_SPAN = 10_000
TOWN_WEIGHT = 0.25


def _columns(model, skip=()):
    return [f.column for f in model._meta.concrete_fields if f.column not in skip]


def _copy_id_sql(column, copy):
    """SQL for copy `copy` of a UUID key: its first 8 hex digits replaced by the copy number."""
    if connection.vendor == "postgresql":
        return f"(lpad(to_hex({copy}), 8, '0') || substr(replace({column}::text, '-', ''), 9))::uuid"
    return f"(printf('%08x', {copy}) || substr({column}, 9))"


class ScaleDirectory:
    """Grows the generated directory, keeping track of the base it copies."""

    def __init__(self, base_groups=2000, progress=print):
        self.base_groups = base_groups
        self.progress = progress
        self.copies = 0
        self.base_document_ids = []
        self.timings = {}

    # -- the base -----------------------------------------------------------------------------------------
    def build_base(self):
        from django.core.management import call_command

        from twoworlds.search.models import SearchDocument
        from twoworlds.search.services import rebuild_index

        began = time.perf_counter()
        call_command("demo_data", groups=self.base_groups, no_staff=True, verbosity=0)
        self.timings["base demo data"] = time.perf_counter() - began
        began = time.perf_counter()
        rebuild_index()
        self.timings["base index (incl. model)"] = time.perf_counter() - began
        self.base_document_ids = list(
            SearchDocument.objects.filter(national=False).order_by("pk").values_list("pk", flat=True)
        )
        if self.base_document_ids and max(self.base_document_ids) >= DOCUMENT_SPAN:
            raise ValueError(f"base document ids must stay under {DOCUMENT_SPAN:,}: use a smaller --base")
        with connection.cursor() as cursor:
            cursor.execute("CREATE TABLE bench_base (document_id bigint PRIMARY KEY, group_id char(36))")
            cursor.execute(
                "INSERT INTO bench_base SELECT id, group_id FROM search_searchdocument WHERE NOT national"
            )
        self._town_vectors = self._embed_towns()

    def _embed_towns(self):
        try:
            from twoworlds.search import embeddings
        except ImportError:
            return None
        if not embeddings.available():
            return None
        return embeddings.embed([f"in {name}" for name, _, _ in TOWNS])

    @property
    def local_base_size(self):
        return len(self.base_document_ids)

    def size(self):
        from twoworlds.search.models import SearchDocument

        return SearchDocument.objects.count()

    # -- growing ------------------------------------------------------------------------------------------
    def grow_to(self, listings):
        """Add copies of the base until the directory holds at least `listings` documents."""
        began = time.perf_counter()
        while self.size() < listings:
            self.copies += 1
            with transaction.atomic():
                self._copy(self.copies)
            if self.copies % 25 == 0:
                self.progress(f"  … {self.size():,} listings")
        self._copy_vectors()
        return time.perf_counter() - began

    def _copy(self, k):
        from twoworlds.directory.models import Group, Meeting
        from twoworlds.search.models import SearchDocument

        town, lat, lon = TOWNS[(k - 1) % len(TOWNS)]
        # Spread repeated visits to a town a little, so that copies do not sit on the same points.
        jitter = ((k - 1) // len(TOWNS)) * 0.01
        dlat, dlon = lat - BASE_LATITUDE + jitter, lon - BASE_LONGITUDE + jitter
        group_table = Group._meta.db_table
        concat = "||"
        with connection.cursor() as cursor:
            columns = _columns(Group, skip=("id", "slug", "name"))
            cursor.execute(
                f"INSERT INTO {group_table} (id, slug, name, {', '.join(columns)}) "
                f"SELECT {_copy_id_sql('g.id', k)}, g.slug {concat} '-copy-{k}', g.name {concat} ' ({town})', "
                f"{', '.join('g.' + c for c in columns)} "
                f"FROM {group_table} g JOIN bench_base b ON b.group_id = {self._group_key('g.id')}"
            )
            through = Group.categories.through._meta.db_table
            cursor.execute(
                f"INSERT INTO {through} (group_id, category_id) "
                f"SELECT {_copy_id_sql('t.group_id', k)}, t.category_id FROM {through} t "
                f"JOIN bench_base b ON b.group_id = {self._group_key('t.group_id')}"
            )
            meeting_table = Meeting._meta.db_table
            columns = _columns(Meeting, skip=("id", "group_id"))
            cursor.execute(
                f"INSERT INTO {meeting_table} (id, group_id, {', '.join(columns)}) "
                f"SELECT {_copy_id_sql('m.id', k)}, {_copy_id_sql('m.group_id', k)}, "
                f"{', '.join('m.' + c for c in columns)} FROM {meeting_table} m "
                f"JOIN bench_base b ON b.group_id = {self._group_key('m.group_id')}"
            )
            document_table = SearchDocument._meta.db_table
            columns = _columns(SearchDocument, skip=("id", "group_id", "name", "place_text", "sort_name"))
            cursor.execute(
                f"INSERT INTO {document_table} (id, group_id, name, place_text, sort_name, {', '.join(columns)}) "
                f"SELECT {k} * {DOCUMENT_SPAN} + d.id, {_copy_id_sql('d.group_id', k)}, "
                f"d.name {concat} ' ({town})', %s, d.sort_name, {', '.join('d.' + c for c in columns)} "
                f"FROM {document_table} d JOIN bench_base b ON b.document_id = d.id",
                [town],
            )
            cursor.execute(
                "INSERT INTO search_searchfacet (document_id, facet, value) "
                f"SELECT {k} * {DOCUMENT_SPAN} + f.document_id, f.facet, f.value FROM search_searchfacet f "
                "JOIN bench_base b ON b.document_id = f.document_id"
            )
            cursor.execute(
                "INSERT INTO search_searchpoint (document_id, latitude, longitude) "
                f"SELECT {k} * {DOCUMENT_SPAN} + p.document_id, p.latitude + %s, p.longitude + %s "
                "FROM search_searchpoint p JOIN bench_base b ON b.document_id = p.document_id",
                [dlat, dlon],
            )

    @staticmethod
    def _group_key(column):
        # bench_base.group_id holds the id as the database stores it (text on SQLite, uuid on PostgreSQL).
        return f"{column}::text" if connection.vendor == "postgresql" else column

    def _copy_vectors(self):
        """Give every copy a vector (see the module docstring), when the model is installed."""
        if self._town_vectors is None:
            return
        from twoworlds.search import vectors
        from twoworlds.search.embeddings import MODEL_NAME
        from twoworlds.search.models import SearchVector

        stored = dict(
            SearchVector.objects.filter(document_id__in=self.base_document_ids).values_list("pk", "vector")
        )
        base_ids = [d for d in self.base_document_ids if d in stored]
        base = vectors._matrix([stored[d] for d in base_ids])
        for k in range(1, self.copies + 1):
            first = k * DOCUMENT_SPAN + base_ids[0]
            if SearchVector.objects.filter(pk=first).exists():
                continue
            mixed = base + TOWN_WEIGHT * self._town_vectors[(k - 1) % len(TOWNS)]
            mixed /= np.linalg.norm(mixed, axis=1, keepdims=True)
            with transaction.atomic():
                SearchVector.objects.bulk_create(
                    [
                        SearchVector(
                            document_id=k * DOCUMENT_SPAN + d,
                            vector=vectors._to_bytes(v),
                            text_hash="bench-copy",
                            model=MODEL_NAME,
                        )
                        for d, v in zip(base_ids, mixed, strict=True)
                    ],
                    batch_size=2000,
                )


def database_size_bytes():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]
        cursor.execute("PRAGMA page_count")
        pages = cursor.fetchone()[0]
        cursor.execute("PRAGMA page_size")
        return pages * cursor.fetchone()[0]


def human_bytes(n):
    if n is None:
        return "-"
    units = ["B", "KB", "MB", "GB"]
    i = min(len(units) - 1, int(math.log(max(n, 1), 1024)))
    return f"{n / 1024**i:.1f} {units[i]}"
