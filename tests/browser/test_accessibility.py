"""axe-core in real Chromium: no serious or critical problems on the pages people use most."""

import pytest

from .conftest import axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/search?q=carers",
        "/search?q=carers&near=NG9&distance=5&day=thursday",
        "/search?q=zzzz",
        "/search?day=someday",
        "/issues/",
        "/issues/t-dementia/",
        "/help-now/",
        "/search?q=I+want+to+die",
    ],
)
def test_pages_pass_axe(page, site, path):
    page.goto(path)
    assert axe_violations(page) == []


def test_group_page_passes_axe(page, site):
    page.goto(site["dementia_cafe"].get_absolute_url())
    assert axe_violations(page) == []


def test_filters_open_pass_axe(page, site):
    page.goto("/search?q=carers&language=pl")
    assert page.locator("details.filters").get_attribute("open") is not None
    assert axe_violations(page) == []
