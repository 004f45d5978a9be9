from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def help_now(request):
    """Who to call now, day and night. Linked from the banner on every page."""
    return render(request, "safety/help_now.html")
