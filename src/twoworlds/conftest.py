import pytest


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """`with indexed(): ...` — whatever is built inside is in the search index afterwards, as in production,
    where the service functions index after the transaction commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def directory(db):
    """A small directory exercising every search filter (see core.testing.small_directory)."""
    from twoworlds.core.testing import small_directory

    return small_directory()


@pytest.fixture(autouse=True)
def _fresh_caches():
    """What processes keep in memory (the taxonomy, the spelling vocabulary, keyword document counts) never
    outlives a test's rolled-back rows."""
    from twoworlds.directory.queries import forget_taxonomy
    from twoworlds.search import keyword, spelling

    def forget():
        forget_taxonomy()
        spelling.forget()
        keyword.forget_document_counts()

    forget()
    yield
    forget()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
