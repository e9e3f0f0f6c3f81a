"""The baseline of bench/pages.py: a minimal Django view rendering a small template, served the
same way as Kansli (gunicorn, same workers), so the two rates can be compared in one run."""

import django
from django.conf import settings
from django.http import HttpResponse
from django.template import Context, Template
from django.urls import path

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="bench-only-not-secret",
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}],
)
django.setup()

PAGE = Template("<!doctype html><title>{{ title }}</title><h1>{{ title }}</h1><p>{{ text }}</p>")


def minimal(request):
    return HttpResponse(PAGE.render(Context({"title": "Minimal", "text": "Hello"})))


urlpatterns = [path("", minimal)]

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
