from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from twoworlds.search.forms import SearchForm
from twoworlds.search.services import Filters, find_groups

from . import queries
from .models import Category, Group
from .presenters import listing_freshness, plain_text_details


@require_safe
def home(request):
    return render(
        request, "directory/home.html", {"form": SearchForm(), "categories": queries.first_level_categories()}
    )


@require_safe
def group_detail(request, slug):
    try:
        group = queries.get_group(slug)
    except Group.DoesNotExist:
        raise Http404 from None
    page_url = request.build_absolute_uri()
    return render(
        request,
        "directory/group_detail.html",
        {
            "group": group,
            "freshness": listing_freshness(group),
            "page_url": page_url,
            "details_text": plain_text_details(group, page_url),
        },
    )


@require_safe
def categories(request):
    return render(request, "directory/categories.html", {"categories": queries.first_level_categories()})


@require_safe
def category_detail(request, slug):
    try:
        category = queries.get_category(slug)
    except Category.DoesNotExist:
        raise Http404 from None
    outcome = find_groups("", Filters(category=category.slug))
    return render(
        request,
        "directory/category_detail.html",
        {
            "category": category,
            "outcome": outcome,
            "hits": outcome.load(),
            "national": outcome.load_national(),
        },
    )
