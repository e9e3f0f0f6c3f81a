"""Every secretariat address, as every persona: anonymous visitors are sent to log in, users
without a role in the body are refused, members read, and only secretaries (and site
administrators) change anything. A new address fails `test_every_staff_address_is_walked` until
it is added here."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from kansli.accounts.access import body_roles, can_adjust
from kansli.accounts.models import BodyRole, Role
from kansli.minutes.models import Minutes
from kansli.staff.editing import minutes_token
from kansli.staff.tests.conftest import PDF, upload

ANY, READER, SECRETARY = "signed in", "member or secretary", "secretary"


@dataclass
class Route:
    name: str
    needs: str
    method: str = "get"
    ok: int = 200
    data: dict = field(default_factory=dict)


def routes(committee, attachment) -> list[tuple[Route, dict]]:
    body = {"body": committee.body.slug}
    meeting = {**body, "meeting": committee.draft.slug}
    item = {**meeting, "pk": committee.draft.items.first().pk}
    minutes = Minutes.objects.get(meeting=committee.draft)
    new_meeting = {"kind": "ordinary", "date": "2031-02-03", "online": "unknown"}
    return [
        (Route("home", ANY), {}),
        (Route("meetings", ANY), {}),
        (Route("body", READER), body),
        (Route("agenda_template", SECRETARY), body),
        # Adapting the standard agenda; the body has no list of its own yet.
        (Route("agenda_template", SECRETARY, "post", 302), body),
        (Route("new_meeting", SECRETARY), body),
        (Route("new_meeting", SECRETARY, "post", 302, new_meeting), body),
        (Route("meeting", READER), meeting),
        (Route("edit_meeting", SECRETARY), meeting),
        (Route("edit_meeting", SECRETARY, "post", 302,
               {"kind": "ordinary", "date": "2022-12-01", "status": "held", "online": "false",
                "slug": committee.draft.slug}), meeting),
        (Route("history", SECRETARY), meeting),
        (Route("rollcall", SECRETARY), meeting),
        (Route("rollcall_fill", SECRETARY, "post", 302), meeting),
        (Route("rollcall_add", SECRETARY, "post", 302,
               {"add-name": "Gäst Gästsson", "add-status": "other_present"}), meeting),
        (Route("appoint", SECRETARY, "post", 302,
               {"minutes_token": minutes_token(minutes), "adjustment_place_time": "Kansliet"}),
         meeting),
        (Route("new_item", SECRETARY, "post", 302, {"title": "Ny punkt", "kind": "other"}),
         meeting),
        (Route("item", SECRETARY), item),
        (Route("move_item", SECRETARY, "post", 302, {"direction": "down"}), item),
        (Route("upload", SECRETARY, "post", 302, {"file": upload("beslut.pdf", PDF)}), item),
        # The committee keeps notes, not a protokoll: its items have no protocol parts.
        (Route("add_part", SECRETARY, "post", 404), {**item, "part": "yrkanden"}),
        (Route("delete_part", SECRETARY, "post", 404),
         {**item, "part": "yrkanden", "part_pk": 1}),
        (Route("attachment", READER),
         {**meeting, "pk": attachment.pk, "name": attachment.original_name}),
        (Route("delete_attachment", SECRETARY, "post", 302), {**meeting, "pk": attachment.pk}),
        (Route("delete_item", SECRETARY), item),
        (Route("delete_item", SECRETARY, "post", 302), item),
    ]


def expected(route: Route, persona: str) -> int | str:
    allowed = {
        "anonymous": set(),
        "outsider": {ANY},
        "member": {ANY, READER},
        "adjuster": {ANY, READER},
        "secretary": {ANY, READER, SECRETARY},
        "admin": {ANY, READER, SECRETARY},
    }[persona]
    if persona == "anonymous":
        return "login"
    return route.ok if route.needs in allowed else 403


def answer(client: Client, route: Route, kwargs: dict) -> int | str:
    url = reverse(f"staff:{route.name}", kwargs=kwargs)
    response = getattr(client, route.method)(url, route.data)
    location = urlsplit(response.get("Location", "")).path
    if response.status_code == 302 and location == reverse("accounts:login"):
        return "login"
    return response.status_code


@pytest.fixture
def persona_client(request, committee):
    persona = request.param
    if persona == "anonymous":
        return persona, Client()
    fixture = {"outsider": "outsider_client", "member": "member_client",
               "secretary": "secretary_client"}.get(persona)
    if fixture:
        return persona, request.getfixturevalue(fixture)
    user = request.getfixturevalue(f"{persona}_user")
    client = Client()
    client.force_login(user)
    return persona, client


PERSONAS = ["anonymous", "outsider", "member", "adjuster", "secretary", "admin"]


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_each_persona_gets_the_right_answer_at_every_staff_address(
    persona_client, committee, attachment
):
    persona, client = persona_client
    wrong = {}
    for route, kwargs in routes(committee, attachment):
        want, got = expected(route, persona), answer(client, route, kwargs)
        if want != got:
            wrong[f"{route.method.upper()} {route.name}"] = f"expected {want}, got {got}"
    assert wrong == {}


def test_every_staff_address_is_walked(committee, attachment):
    walked = {route.name for route, _kwargs in routes(committee, attachment)}
    names = {
        pattern.name
        for pattern in get_resolver().url_patterns
        if getattr(pattern, "namespace", None) == "staff"
        for pattern in pattern.url_patterns
    }
    assert names - walked == set()


def test_unknown_bodies_and_meetings_are_not_found(secretary_client, committee):
    assert secretary_client.get("/hantera/ingen-sadan/").status_code == 404
    assert secretary_client.get(f"/hantera/{committee.body.slug}/1999-01-01/").status_code == 404
    item = committee.published.items.first()
    elsewhere = f"/hantera/{committee.body.slug}/{committee.draft.slug}/punkter/{item.pk}/"
    assert secretary_client.get(elsewhere).status_code == 404


def test_a_secretary_of_another_body_is_refused(committee, secretary_user, client):
    from kansli.registry.models import Body

    other = Body.objects.create(
        organisation=committee.body.organisation, name="Annan", slug="annan")
    BodyRole.objects.filter(user=secretary_user).update(body=other)
    client.force_login(secretary_user)
    assert client.get(f"/hantera/{committee.body.slug}/").status_code == 403
    assert client.get("/hantera/annan/").status_code == 200


def test_roles_come_from_body_roles_and_superusers_hold_all(
    committee, secretary_user, member_user, admin_user
):
    assert body_roles(secretary_user, committee.body) == {Role.SECRETARY}
    assert body_roles(member_user, committee.body) == {Role.MEMBER}
    assert body_roles(admin_user, committee.body) == {Role.SECRETARY, Role.MEMBER}


def test_a_user_holds_one_role_per_body(committee, member_user):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        BodyRole.objects.create(user=member_user, body=committee.body, role=Role.SECRETARY)


def test_only_the_appointed_adjuster_may_adjust(committee, adjuster_user, member_user):
    minutes = Minutes.objects.get(meeting=committee.draft)
    assert can_adjust(adjuster_user, minutes)
    assert not can_adjust(member_user, minutes)


def test_in_protocol_mode_the_chair_adjusts_too(committee, member_user):
    from kansli.meetings.models import AttendanceRole

    committee.body.mode = "protocol"
    committee.body.save()
    minutes = Minutes.objects.get(meeting=committee.draft)
    chair = committee.draft.attendances.get(person=committee.chair)
    assert chair.role == AttendanceRole.CHAIR
    assert can_adjust(member_user, minutes)


def test_anonymous_visitors_come_back_after_logging_in(client, committee):
    response = client.get(f"/hantera/{committee.body.slug}/")
    assert response.status_code == 302
    assert response["Location"] == f"/logga-in/?next=/hantera/{committee.body.slug}/"
