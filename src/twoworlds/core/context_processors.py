from django.conf import settings


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "site_area": settings.SITE_AREA,
        "site_operator": settings.SITE_OPERATOR,
    }
