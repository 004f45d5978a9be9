from django.core.management.base import BaseCommand

from twoworlds.core.progress import progress_bar
from twoworlds.directory.queries import groups_with_details
from twoworlds.search import embeddings
from twoworlds.search.services import rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the directory: the place gazetteer, each group's words and facets, "
        "then its meaning (sentence embeddings, only where the text changed) and the vector index."
    )

    def handle(self, *args, **options):
        meaning = embeddings.available()
        # One bar over both passes: the words of every group, then (it grows) the embedding of every document.
        with progress_bar(groups_with_details().count(), "Indexing for search") as bar:
            done = rebuild_index(progress=bar.update)
        self.stdout.write(self.style.SUCCESS(f"Indexed {done} groups."))
        if not meaning:
            self.stdout.write(self.style.WARNING("No embedding model: search is keyword-only (see the log)."))
