"""The open data API, included at /api/ by the project urls."""

from django.urls import path, re_path

from . import views

app_name = "interop"
urlpatterns = [
    path("", views.index, name="index"),
    path("openapi.json", views.openapi_document, name="openapi"),
    path("services", views.services, name="services"),
    path("services/<str:service_id>", views.service_detail, name="service"),
    path("service_at_locations", views.service_at_locations, name="service_at_locations"),
    path("service_at_locations/<str:sal_id>", views.service_at_location_detail, name="service_at_location"),
    path("organizations", views.organizations, name="organizations"),
    path("organizations/<str:organization_id>", views.organization_detail, name="organization"),
    path("taxonomies", views.taxonomies, name="taxonomies"),
    path("taxonomies/<str:taxonomy_id>", views.taxonomy_detail, name="taxonomy"),
    path("taxonomy_terms", views.taxonomy_terms, name="taxonomy_terms"),
    path("taxonomy_terms/<str:term_id>", views.taxonomy_term_detail, name="taxonomy_term"),
    path("problems/<str:slug>", views.problem_type, name="problem_type"),
    # Last: anything else under /api/ is a problem+json 404, not the site's HTML page.
    re_path(r"^(?P<rest>.*)$", views.unknown, name="unknown"),
]
