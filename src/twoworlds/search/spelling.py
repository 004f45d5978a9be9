"""Typo tolerance: "demntia", "alzeimers", "bereavment", "tinitus" are read as the words people meant.

The vocabulary is every word of the search index (group names, issue words, descriptions, places) and of the
issue taxonomy (names and everyday words), with how many documents use each word. A query word that is not
in it is replaced by the nearest vocabulary word within a small
edit distance (1 for words of up to 5 letters, 2 for longer ones; a swap of two neighbouring letters counts
as one edit), preferring the word more documents use.

Lookups use the symmetric-delete method (as in SymSpell): every vocabulary word is stored under each string
made by deleting up to two of its letters, so a misspelt word finds its candidates through its own deletes
with a few dictionary lookups instead of a scan of the vocabulary. The vocabulary is built once per process
(a full pass over the index) and then only grows: the words of groups indexed in this process are added
before the next correction (`note_changed`, called by index upkeep), and every VOCABULARY_TTL seconds the
documents changed since (by other processes) are read. Words of removed groups stay until a full rebuild
(`forget`, called by `rebuild_index`); they are harmless.
"""

import bisect
import re
import threading
import time
from collections import Counter
from itertools import combinations

from django.utils import timezone

from twoworlds.directory import queries as directory

from .keyword import STOPWORDS
from .models import SearchDocument

VOCABULARY_TTL = 120
MIN_LENGTH = 4  # shorter words are too ambiguous to correct ("mum", "dad", "ibs")
MAX_DISTANCE = 2
WORD = re.compile(r"[^\W\d_]+")

_lock = threading.Lock()
_cache = {"vocabulary": None, "checked_at": 0.0, "since": None, "pending": set()}


class Vocabulary:
    def __init__(self, counts):
        self.counts = counts
        self.sorted_words = sorted(counts)
        self.deletes = {}
        for word in counts:
            self._file(word)

    def _file(self, word):
        for key in _deletes(word, _allowed_distance(word)):
            self.deletes.setdefault(key, []).append(word)

    def add(self, words):
        for word in words:
            if word not in self.counts:
                self._file(word)
                bisect.insort(self.sorted_words, word)
            self.counts[word] += 1

    def __contains__(self, word):
        return word in self.counts

    def has_prefix(self, stem):
        at = bisect.bisect_left(self.sorted_words, stem)
        return at < len(self.sorted_words) and self.sorted_words[at].startswith(stem)

    def nearest(self, word):
        """The best vocabulary word within the allowed distance of `word`, or None."""
        limit = _allowed_distance(word)
        seen, best = set(), None
        for key in _deletes(word, limit):
            for candidate in self.deletes.get(key, ()):
                if candidate in seen:
                    continue
                seen.add(candidate)
                distance = edit_distance(word, candidate, limit)
                if distance > limit:
                    continue
                rank = (distance, candidate[0] != word[0], -self.counts[candidate], candidate)
                if best is None or rank < best[0]:
                    best = (rank, candidate)
        return best[1] if best else None


def _allowed_distance(word):
    return 1 if len(word) <= 5 else MAX_DISTANCE


def _deletes(word, distance):
    keys = {word}
    for n in range(1, distance + 1):
        if len(word) - n < 2:
            break
        for positions in combinations(range(len(word)), n):
            keys.add("".join(ch for i, ch in enumerate(word) if i not in positions))
    return keys


def edit_distance(a, b, limit=MAX_DISTANCE):
    """Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps), stopping
    early once it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _words(text):
    return {w for w in WORD.findall((text or "").lower()) if len(w) >= MIN_LENGTH - 1}


TEXT_FIELDS = ("name", "categories_text", "body", "place_text")


def build_vocabulary():
    counts = Counter()
    rows = SearchDocument.objects.filter(listed=True).values_list(*TEXT_FIELDS)
    for row in rows.iterator(chunk_size=2000):
        counts.update(_words(" ".join(row)))
    for category in directory.all_categories():
        # Taxonomy words count as if many documents used them: they are what people most often mean.
        for word in _words(f"{category.name} {category.lay_terms} {category.description}"):
            counts[word] += 50
    return Vocabulary(counts)


def _learn(documents):
    for row in documents.values_list(*TEXT_FIELDS).iterator(chunk_size=2000):
        _cache["vocabulary"].add(_words(" ".join(row)))


def vocabulary():
    with _lock:
        now = time.monotonic()
        if _cache["vocabulary"] is None:
            _cache["since"] = timezone.now()
            _cache["vocabulary"] = build_vocabulary()
            _cache["checked_at"], _cache["pending"] = now, set()
        if _cache["pending"]:
            _learn(SearchDocument.objects.filter(group_id__in=list(_cache["pending"]), listed=True))
            _cache["pending"] = set()
        if now - _cache["checked_at"] > VOCABULARY_TTL:
            since, _cache["since"] = _cache["since"], timezone.now()
            _learn(SearchDocument.objects.filter(updated_at__gte=since, listed=True))
            _cache["checked_at"] = now
        return _cache["vocabulary"]


def note_changed(group_ids):
    """These groups were (re-)indexed: their words join the vocabulary before the next correction."""
    with _lock:
        if _cache["vocabulary"] is not None:
            _cache["pending"].update(group_ids)


def forget():
    """The whole index was rebuilt: build the vocabulary again before the next correction."""
    with _lock:
        _cache["vocabulary"] = None


def is_known_word(word):
    """Whether the directory or the taxonomy uses this exact word (so it is not a half-typed one)."""
    return word in vocabulary()


def _known(word, vocab, last):
    # Not the keyword index: its stemming finds "bereavment" (stem "bereav"), but the issue words would not.
    return word in vocab or (last and vocab.has_prefix(word))  # a half-typed last word


def correct(text):
    """Return (corrected text, {typed word: replacement}). The text is unchanged when nothing needed it."""
    words = list(re.finditer(r"[^\W_]+", text or ""))
    if not words:
        return text, {}
    checked = [
        m
        for m in words
        if len(m.group()) >= MIN_LENGTH
        and m.group().isalpha()
        and m.group().lower() not in STOPWORDS
        and not (m.group().isupper() and len(m.group()) <= 5)  # acronyms: ME, COPD, ADHD
    ]
    if not checked:
        return text, {}
    vocab = vocabulary()
    corrections = {}
    for match in checked:
        word = match.group().lower()
        if word in corrections or _known(word, vocab, last=match is words[-1]):
            continue
        replacement = vocab.nearest(word)
        if replacement and replacement != word:
            corrections[word] = replacement
    if not corrections:
        return text, {}
    pieces, position = [], 0
    for match in words:
        replacement = corrections.get(match.group().lower())
        if replacement:
            pieces += [text[position : match.start()], replacement]
            position = match.end()
    pieces.append(text[position:])
    return "".join(pieces), corrections
