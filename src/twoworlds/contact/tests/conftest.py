from .support import _contact_settings, commit, contact, group  # noqa: F401  (fixtures for this app's tests)
