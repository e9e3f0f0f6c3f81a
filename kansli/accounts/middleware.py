"""Answers the `access.Refused` exceptions helpers raise, so views need not catch them."""

from __future__ import annotations

from collections.abc import Callable

from auditlog.middleware import AuditlogMiddleware
from django.http import HttpRequest, HttpResponse

from kansli.accounts.access import Refused


class RefusalMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, Refused):
            return exception.response(request)
        return None


class StaffAuditlogMiddleware(AuditlogMiddleware):
    """Auditlog's actor context, for signed-in users only.

    The context connects signal receivers on every request, which costs the public pages a
    noticeable share of their time; anonymous readers change nothing the audit trail records.
    """

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        return super().__call__(request)
