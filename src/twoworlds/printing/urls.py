from django.urls import path

from . import views

app_name = "printing"
urlpatterns = [
    path("groups/<slug:slug>/card.pdf", views.group_card, name="group_card"),
    path(
        "groups/<slug:slug>/card-large-print.pdf",
        views.group_card,
        {"large_print": True},
        name="group_card_large",
    ),
]
