"""Staff pages for imports, taxonomy mapping and conflicts (included at /staff/imports/)."""

from django.urls import path

from . import views_federation, views_staff

app_name = "interop_staff"
urlpatterns = [
    path("", views_staff.imports, name="imports"),
    path("upload/", views_staff.upload, name="upload"),
    path("runs/<int:run_id>/", views_staff.run_detail, name="run"),
    path("sources/<int:source_id>/", views_staff.source_detail, name="source"),
    path("conflicts/", views_staff.conflicts, name="conflicts"),
    path("conflicts/<int:conflict_id>/resolve/", views_staff.resolve, name="resolve"),
    path("terms/", views_staff.terms, name="terms"),
    path("terms/<int:term_id>/", views_staff.map_term, name="map_term"),
    # federation (views_federation): subscriptions to other directories' feeds
    path("subscriptions/", views_federation.subscriptions, name="subscriptions"),
    path("subscriptions/add/", views_federation.add_subscription, name="add_subscription"),
    path("subscriptions/<int:source_id>/refresh/", views_federation.refresh_now, name="refresh_subscription"),
    path("subscriptions/<int:source_id>/stop/", views_federation.stop_subscription, name="stop_subscription"),
]
