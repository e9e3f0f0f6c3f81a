"""The review queue of imported documents, under /hantera/import/."""

from django.urls import path

from kansli.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("<int:pk>/", views.document, name="document"),
]
