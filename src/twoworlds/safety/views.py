from django.shortcuts import render


def help_now(request):
    """Who to call now, day and night. Linked from the banner on every page."""
    return render(request, "safety/help_now.html")
