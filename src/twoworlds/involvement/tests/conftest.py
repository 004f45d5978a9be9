from .support import _site, commit, contact, group, guests_welcome, pro  # noqa: F401  (fixtures)
