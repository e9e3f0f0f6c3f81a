"""The named access helpers every staff view opens with.

Each returns the object the view works on or stops the request: an unknown body or meeting is a
404, a signed-in user without the role is a 403, and an anonymous visitor is sent to the login
page and back. Superusers (site administrators) hold every role.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from kansli.accounts.models import BodyRole, Role
from kansli.meetings.models import AttendanceRole, Meeting
from kansli.minutes.models import Minutes
from kansli.registry.models import Body

ALL_ROLES = frozenset(Role.values)
READERS = (Role.SECRETARY, Role.MEMBER)


class Refused(Exception):
    """A request a helper stops with its own answer; `RefusalMiddleware` sends `response()`."""

    def response(self, request: HttpRequest) -> HttpResponse:
        raise NotImplementedError


class LoginRequired(Refused):
    """An anonymous visitor: sent to the login page and, after logging in, back."""

    def response(self, request: HttpRequest) -> HttpResponse:
        return redirect_to_login(request.get_full_path())


def body_roles(user, body: Body) -> set[str]:
    """The roles `user` holds in `body`; superusers have them all."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return set(ALL_ROLES)
    return set(BodyRole.objects.filter(user=user, body=body).values_list("role", flat=True))


def require_login(request: HttpRequest) -> None:
    if not request.user.is_authenticated:
        raise LoginRequired()


def staff_bodies(request: HttpRequest):
    """The bodies the signed-in user works in (every body for a superuser)."""
    require_login(request)
    bodies = Body.objects.select_related("organisation")
    if request.user.is_superuser:
        return bodies
    return bodies.filter(staff_roles__user=request.user).distinct()


def staff_body(
    request: HttpRequest, body_slug: str, *, roles: Iterable[str] = (Role.SECRETARY,)
) -> Body:
    """The body, if the signed-in user holds one of `roles` in it."""
    require_login(request)
    body = get_object_or_404(Body.objects.select_related("organisation"), slug=body_slug)
    held = body_roles(request.user, body)
    if not held & set(roles):
        raise PermissionDenied("You have no role in this body that allows this.")
    request.body_roles = held
    return body


def staff_meeting(
    request: HttpRequest, body_slug: str, meeting_slug: str,
    *, roles: Iterable[str] = (Role.SECRETARY,),
) -> Meeting:
    """The body's meeting, if the signed-in user holds one of `roles` in the body."""
    body = staff_body(request, body_slug, roles=roles)
    meeting = get_object_or_404(Meeting.objects.filter(body=body), slug=meeting_slug)
    meeting.body = body  # already loaded and checked; spares a query
    return meeting


def can_adjust(user, minutes: Minutes) -> bool:
    """Whether the user is an appointed adjuster of `minutes` (or, in protocol mode, the chair
    of the meeting), through the person the account belongs to."""
    if not user.is_authenticated:
        return False
    person_id = getattr(getattr(user, "person", None), "pk", None)
    if person_id is None:
        return False
    if minutes.adjusters.filter(person_id=person_id).exists():
        return True
    return minutes.meeting.body.is_protocol and minutes.meeting.attendances.filter(
        person_id=person_id, role=AttendanceRole.CHAIR
    ).exists()
