"""Public addresses: Swedish, readable and stable, e.g. /samarbetskommitten/2022-11-10/.

The fixed addresses come before the body and meeting patterns, which would otherwise take any
first path segment for a body's slug.
"""

from django.contrib.sitemaps.views import sitemap
from django.urls import path, register_converter

from kansli.public import views
from kansli.public.sitemaps import SITEMAPS


class DownloadFormatConverter:
    """Only the formats offered for download, so /<body>/<meeting>/x.html is a plain 404."""

    regex = "|".join(views.DOWNLOADS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(DownloadFormatConverter, "download_format")

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("personer/<slug:slug>/", views.person, name="person"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("<slug:body>/", views.body, name="body"),
    path("<slug:body>/<slug:slug>/", views.meeting, name="meeting"),
    path(
        "<slug:body>/<slug:slug>/<slug:name>.<download_format:ext>",
        views.download,
        name="download",
    ),
]
