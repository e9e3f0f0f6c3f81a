"""Justering and publishing, under /hantera/ beside the other staff pages."""

from django.urls import path

from kansli.minutes import views

app_name = "minutes"

MEETING = "<slug:body>/<slug:meeting>/"

urlpatterns = [
    path(MEETING + "justering/", views.adjust, name="adjust"),
    path(MEETING + "justering/skicka/", views.send_for_adjustment, name="send"),
    path(MEETING + "justering/signera/", views.sign, name="sign"),
    path(MEETING + "justering/skicka-tillbaka/", views.send_back, name="send_back"),
    path(MEETING + "justering/omedelbar/", views.adjust_immediately, name="immediate"),
    path(MEETING + "rattelse/", views.correct, name="correct"),
    path(MEETING + "publicera/", views.publish, name="publish"),
    path(MEETING + "versioner/<int:number>/", views.version, name="version"),
]
