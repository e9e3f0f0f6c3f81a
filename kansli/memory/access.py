"""The named access helpers the memory pages open with, built on `accounts.access`.

Body pages (seats, matters, actions, adoptions) belong to one body: members read them and its
secretaries change them. The registry (posts, tenures, terms, names) is shared by every body, so
any secretary may keep it and anyone with a role in a body may read its posts; the names still
to resolve come from drafts too, so only secretaries see them.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from kansli.accounts.access import READERS, require_login, staff_bodies, staff_body
from kansli.accounts.models import Role
from kansli.meetings.models import ActionItem, Matter
from kansli.registry.models import Body, Post


def secretary_bodies(request: HttpRequest) -> QuerySet[Body]:
    """The bodies the signed-in user is a secretary of (every body for a superuser)."""
    require_login(request)
    bodies = staff_bodies(request)
    if request.user.is_superuser:
        return bodies
    return bodies.filter(staff_roles__user=request.user, staff_roles__role=Role.SECRETARY)


def registry_keeper(request: HttpRequest) -> QuerySet[Body]:
    """Let a secretary of any body in; return the bodies they keep."""
    bodies = secretary_bodies(request)
    if not bodies.exists():
        raise PermissionDenied("Only a secretary keeps the registry.")
    return bodies


def registry_reader(request: HttpRequest) -> QuerySet[Body]:
    """Let anyone with a role in a body read the registry (who holds which post is public
    anyway); return the bodies they work in."""
    bodies = staff_bodies(request)
    if not bodies.exists():
        raise PermissionDenied("You have no role in any body.")
    return bodies


def registry_post(request: HttpRequest, pk: int) -> Post:
    registry_reader(request)
    return get_object_or_404(Post.objects.select_related("organisation"), pk=pk)


def body_matter(request: HttpRequest, body_slug: str, slug: str,
                *, roles: Iterable[str] = (Role.SECRETARY,)) -> Matter:
    """A matter the body is responsible for, if the user holds one of `roles` in the body."""
    body = staff_body(request, body_slug, roles=roles)
    matter = get_object_or_404(Matter.objects.filter(body=body), slug=slug)
    matter.body = body  # already loaded and checked
    return matter


def body_action(request: HttpRequest, body_slug: str, pk: int) -> tuple[Body, ActionItem]:
    """The body and an action raised at its meetings or on its matters, for its secretary."""
    body = staff_body(request, body_slug)
    found = ActionItem.objects.filter(Q(raised_in__meeting__body=body) | Q(matter__body=body))
    return body, get_object_or_404(found.select_related("raised_in__meeting__body"), pk=pk)


__all__ = ["READERS", "Role", "body_action", "body_matter", "registry_keeper", "registry_post",
           "registry_reader", "secretary_bodies", "staff_body"]
