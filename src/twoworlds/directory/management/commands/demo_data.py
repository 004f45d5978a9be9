"""`twoworlds demo_data`: load a realistic, deterministic demo directory for Nottingham (see ../demo.py)."""

import logging
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from twoworlds.accounts.services import ensure_demo_staff
from twoworlds.core.progress import progress_bar
from twoworlds.directory import demo, services
from twoworlds.directory.models import Group
from twoworlds.search.services import rebuild_index

STAFF_URL = "http://127.0.0.1:8000/staff/"
SIGN_IN_URL = "http://127.0.0.1:8000/account/password-sign-in/"


class Command(BaseCommand):
    help = (
        "Load a demo directory for Nottingham: self-help, professionally led and national groups, venues, "
        "meetings and contact routes, then rebuild the search index and create demo staff accounts. "
        "Rerunning replaces the previous demo data and gives the same directory."
    )

    def add_arguments(self, parser):
        parser.add_argument("--groups", type=int, default=250, help="How many groups to load (default 250).")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the whole directory first (all groups, venues and organisations, not only demo "
            "ones).",
        )
        parser.add_argument(
            "--bulk",
            action="store_true",
            help=f"Write in bulk rather than through the service functions (automatic above "
            f"{demo.SERVICES_LIMIT} groups).",
        )
        parser.add_argument("--no-staff", action="store_true", help="Do not create the demo staff accounts.")

    def handle(self, *args, groups, reset, bulk, no_staff, **options):
        if groups < 1:
            raise CommandError("--groups must be at least 1.")
        started = time.monotonic()
        plan = demo.build_plan(groups)
        bulk = bulk or groups > demo.SERVICES_LIMIT
        with transaction.atomic():
            demo.clear_demo_data(everything=reset)
            with progress_bar(groups, "Loading groups") as bar, services.deferred_indexing():
                write = demo.write_in_bulk if bulk else demo.write_with_services
                write(plan, progress=bar.update)
        # Indexing was deferred during the load: one rebuild now builds the gazetteer ('near' places) from
        # the new venues, then every document.
        with progress_bar(Group.objects.count(), "Indexing for search") as bar:
            rebuild_index(progress=bar.update)
        counts = plan.counts()
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"Loaded {counts['groups']} demo groups around Nottingham in {elapsed:.1f}s.")
        )
        summary = (
            "  {self_help} self-help, {professionally_led} professionally led, {national} national "
            "organisations.\n"
            "  {online} meet online, {telephone} by telephone, {home_visits} visit at home, "
            "{other_languages} in other languages; {paused} paused, {closed} closed.\n"
            "  {organisations} organisations, {venues} venues ({members_homes} members' homes), "
            "{meetings} meetings, {contact_routes} contact routes."
        )
        self.stdout.write(summary.format(**counts))
        if no_staff:
            return
        for user, password, role in ensure_demo_staff():
            self.stdout.write(
                f"Sign in as staff at {STAFF_URL} with username {user.get_username()} password {password} "
                f"({role})"
            )
        contact, password, groups = self.demo_group_contact()
        self.demo_working_together()
        self.stdout.write(
            f"Sign in as a group contact at {SIGN_IN_URL} with email {contact.email} password {password} "
            f"(looks after {', '.join(g.name for g in groups)}), or ask for an emailed link: emails are "
            f"written to {settings.EMAIL_FILE_PATH}"
        )

    def demo_working_together(self):
        """Groups' terms, agencies and their offers, talks, guests, roles and opportunities, so that both
        worlds have something to show. Each app loads its own part, in this order: each builds on the last."""
        from twoworlds.influence.demo import load_demo_influence
        from twoworlds.involvement.demo import load_demo_involvement
        from twoworlds.relations.demo import load_demo_relations

        # Each step logs what it does, as in production; a demo load need not print dozens of them.
        logging.disable(logging.INFO)
        try:
            for load in (load_demo_relations, load_demo_involvement, load_demo_influence):
                load()
        finally:
            logging.disable(logging.NOTSET)
        self.stdout.write(
            "Professionals: nurse@example.org, gp@example.org, grants@example.org and cpn@example.org "
            "(sign in with an emailed link) see their agencies' side under /working-together/."
        )

    def demo_group_contact(self):
        """A person who looks after a few demo groups, so the groups' side can be tried at once."""
        import secrets

        from twoworlds.listings.services import add_contact  # the demo spans apps; the directory does not

        local = list(
            Group.objects.filter(id__range=demo.DEMO_ID_RANGE)
            .exclude(group_type=Group.Type.NATIONAL)
            .order_by("id")
        )
        groups = [g for g in local if g.group_type == Group.Type.SELF_HELP][:3]
        contacts = [add_contact(group, "contact@example.org", notify=False) for group in groups]
        # Most other local groups have someone looking after their listing too (so that people can ask them
        # to get in touch); a few have no one, as in life.
        for index, group in enumerate(local):
            if group not in groups and index % 5 < 3:
                add_contact(group, f"{group.slug[:40]}@example.org", notify=False)
        user = contacts[0].user if contacts else None
        password = secrets.token_urlsafe(12)
        if user is not None:
            user.set_password(password)
            user.save(update_fields=["password"])
        return user, password, groups
