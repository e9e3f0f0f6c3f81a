"""The project's URLs: only includes."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("kansli.api.urls")),
    # Before the staff pages, whose /hantera/<body>/ would take "import" for a body.
    path("hantera/import/", include("kansli.imports.urls")),
    # Before the staff pages too: their /hantera/<body>/<meeting>/ would take "arenden" for a
    # meeting.
    path("hantera/", include("kansli.memory.urls")),
    path("hantera/", include("kansli.staff.urls")),
    path("hantera/", include("kansli.minutes.urls")),
    path("hantera/", include("kansli.notices.urls")),
    path("", include("kansli.accounts.urls")),
    path("", include("kansli.search.urls")),
    path("", include("kansli.public.urls")),
]
