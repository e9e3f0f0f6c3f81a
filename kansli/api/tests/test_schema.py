"""The API against its own OpenAPI schema, with requests schemathesis makes up from it: no
answer is a server error, and every answer matches what the schema says of it (status, content
type, body)."""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from kansli.api.api import api

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api"))
CHECKS = [
    not_a_server_error, status_code_conformance, content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def application(committee, settings):
    """Kansli's WSGI application inside the test's transaction, as Django's test client runs
    it: the connection is not closed at each request. No rate limit: the test is the flood."""
    settings.KANSLI_API_RATE_LIMIT = ""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_the_api_keeps_to_its_schema(case, application):
    case.call_and_validate(app=application, checks=CHECKS)
