"""/api/: a page for people about the API, the OpenAPI schema and the versioned endpoints."""

from django.urls import path

from kansli.api import docs
from kansli.api.api import api

urlpatterns = [
    path("", docs.api_docs, name="api_docs"),
    path("", api.urls),
]
