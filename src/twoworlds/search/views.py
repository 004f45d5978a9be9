from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django_ratelimit.decorators import ratelimit

from twoworlds.core.views import rate_limited

from .forms import SearchForm
from .services import find_groups

PAGE_SIZE = 20


@require_safe
@ratelimit(key="ip", rate="120/m", block=False)
def search(request):
    if getattr(request, "limited", False):
        return rate_limited(request)
    form = SearchForm(request.GET or None)
    context = {"form": form}
    if form.is_bound and form.is_valid():
        outcome = find_groups(form.cleaned_data["q"], form.filters())
        paginator = Paginator(outcome.hits, PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        hits = outcome.load(page.start_index() - 1 if outcome.hits else 0, page.end_index())
        query_without_page = request.GET.copy()
        query_without_page.pop("page", None)
        context.update(
            outcome=outcome,
            page=page,
            hits=hits,
            national=outcome.load_national(),
            query_string=query_without_page.urlencode(),
        )
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "search/results.html", context, status=status)
