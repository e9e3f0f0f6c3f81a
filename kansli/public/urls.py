"""Public addresses: Swedish, readable and stable, e.g. /samarbetskommitten/2022-11-10/.

The fixed addresses come before the body and meeting patterns, which would otherwise take any
first path segment for a body's slug.
"""

from django.contrib.sitemaps.views import sitemap
from django.urls import path, re_path, register_converter

from kansli.minutes import noticeboard_views
from kansli.public import archive, decisions, feeds, matters, subscriptions, views
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
    path("anslagstavla/", noticeboard_views.notice_board, name="notice_board"),
    path("personer/<slug:slug>/", views.person, name="person"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("beslut/", decisions.decision_list, name="decisions"),
    path("beslut/<int:pk>/", decisions.decision, name="decision"),
    path("punkter/<int:pk>/", decisions.item, name="item"),
    path("arenden/", matters.matter_list, name="matters"),
    path("arenden/antaganden/", matters.adoptions, name="adoptions"),
    path("arenden/<slug:slug>/", matters.matter, name="matter"),
    path("moten/", archive.meeting_index, name="meetings"),
    re_path(r"^moten/(?P<year>[0-9]{4})/$", archive.meeting_year, name="meeting_year"),
    path("flode/<slug:body>/rss/", feeds.BodyRssFeed(), name="body_rss"),
    path("flode/<slug:body>/atom/", feeds.BodyAtomFeed(), name="body_atom"),
    path("kalender/<slug:body>.ics", feeds.body_calendar, name="body_calendar"),
    path("kalender/personer/<slug:slug>.ics", feeds.person_calendar, name="person_calendar"),
    path("prenumerera/", subscriptions.subscribe_view, name="subscribe"),
    path(
        "prenumerera/bekrafta/<str:token>/", subscriptions.confirm_view,
        name="subscription_confirm",
    ),
    path("prenumerera/avsluta/<str:token>/", subscriptions.unsubscribe_view, name="unsubscribe"),
    path("<slug:body>/", views.body, name="body"),
    path("<slug:body>/<slug:slug>/", views.meeting, name="meeting"),
    path(
        "<slug:body>/<slug:slug>/<slug:name>.<download_format:ext>",
        views.download,
        name="download",
    ),
    path("<slug:body>/<slug:slug>/bilagor/<int:pk>/<str:name>", views.attachment,
         name="attachment"),
]
