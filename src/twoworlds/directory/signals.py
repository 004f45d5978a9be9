"""Signals the directory sends, so that other apps can follow changes without the directory knowing them.

listing_saved(sender=Group, group, before, after, actor, source, reason): a whole listing was changed through
`snapshots.apply_snapshot` or the admin; `before`/`after` are snapshots (before is None for a new group).
The listings app records these as history.

listings_saved(sender=Group, changes, actor, source, reason): many listings changed at once (an import);
`changes` is a list of (group, before, after) as for listing_saved.

listing_confirmed(sender=Group, group, on, actor, reason): the group (or staff for it) said the details are
still right on date `on`; the listing is back in search if it had lapsed."""

from django.dispatch import Signal

listing_saved = Signal()
listings_saved = Signal()
listing_confirmed = Signal()
