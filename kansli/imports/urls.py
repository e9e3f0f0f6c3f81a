"""Importing documents in the browser and the review queue, under /hantera/import/."""

from django.urls import path

from kansli.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("ladda-upp/", views.upload, name="upload"),
    path("<int:pk>/", views.document, name="document"),
]
