from django.core.management.base import BaseCommand

from twoworlds.core.progress import progress_bar
from twoworlds.directory.queries import groups_with_details
from twoworlds.search.services import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the search index and the place gazetteer from the directory."

    def handle(self, *args, **options):
        with progress_bar(groups_with_details().count(), "Indexing") as bar:
            done = rebuild_index(progress=bar.update)
        self.stdout.write(self.style.SUCCESS(f"Indexed {done} groups."))
