from .support import contact, editor, listing, media  # noqa: F401  (fixtures shared by this app's tests)
