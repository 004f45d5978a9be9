from .support import _site, commit  # noqa: F401  (fixtures)
