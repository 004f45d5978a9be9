import pytest

from .support import agency, professional, staff


@pytest.fixture
def ward(db):
    return agency("Ward 12, City Hospital")


@pytest.fixture
def nurse(ward):
    return professional("nurse@hospital.example", ward)


@pytest.fixture
def editor(db):
    return staff()
