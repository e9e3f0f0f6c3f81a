"""Fixtures for justering and publishing: a signing certificate and minutes ready to send."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings as django_settings

from kansli.meetings.models import Attendance
from kansli.minutes import signing
from kansli.public.tests.conftest import assert_accessible, browser_page, chromium  # noqa: F401


@pytest.fixture(scope="session")
def certificate_files(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("signing")
    cert, key = folder / "cert.pem", folder / "key.pem"
    original = django_settings.KANSLI_SIGNING_CERT, django_settings.KANSLI_SIGNING_KEY
    django_settings.KANSLI_SIGNING_CERT, django_settings.KANSLI_SIGNING_KEY = cert, key
    try:
        signing.create_certificate("Kansli test", "Testkommunernas samverkan")
    finally:
        django_settings.KANSLI_SIGNING_CERT, django_settings.KANSLI_SIGNING_KEY = original
    return cert, key


@pytest.fixture
def signing_certificate(settings, certificate_files):
    """The organisation's certificate, made once per test run."""
    settings.KANSLI_SIGNING_CERT, settings.KANSLI_SIGNING_KEY = certificate_files
    settings.KANSLI_SIGNING_KEY_PASSPHRASE = ""
    return certificate_files


@pytest.fixture
def draft(committee):
    """The committee's draft minutes with Björn Justerare appointed to adjust them."""
    minutes = committee.draft.minutes
    adjuster = Attendance.objects.create(
        meeting=committee.draft, position=1, person=committee.adjuster,
        name_as_written=committee.adjuster.name,
    )
    minutes.adjusters.set([adjuster])
    return minutes


@pytest.fixture
def in_english(settings):
    # Messages and published files in English, so the tests read the msgids themselves.
    settings.LANGUAGE_CODE = "en"
