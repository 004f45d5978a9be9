from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def healthz(request):
    """For load balancers: the app answers and the database does too."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return JsonResponse({"status": "ok", "database": connection.vendor})
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)


def rate_limited(request, exception=None):
    return render(
        request,
        "core/message.html",
        {"title": _("Too many requests"), "message": _("Please wait a minute and try again.")},
        status=429,
    )


def not_found(request, exception=None):
    return render(
        request,
        "core/message.html",
        {"title": _("Page not found"), "message": _("We could not find that page. It may have moved.")},
        status=404,
    )


def server_error(request):
    return render(
        request,
        "core/message.html",
        {"title": _("Something went wrong"), "message": _("Sorry: please try again in a moment.")},
        status=500,
    )
