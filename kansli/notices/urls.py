"""The kallelse, under /hantera/ beside the other staff pages."""

from django.urls import path

from kansli.notices import views

app_name = "notices"

MEETING = "<slug:body>/<slug:meeting>/"

urlpatterns = [
    path(MEETING + "kallelse/", views.send, name="send"),
    path(MEETING + "installa/", views.cancel, name="cancel"),
    path(MEETING + "utskick/<int:pk>/skicka-igen/", views.retry, name="retry"),
]
