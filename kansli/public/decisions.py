"""The public list of decisions (/beslut/), filterable and paged, and the permalinks of single
decisions and agenda items."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from kansli.meetings.calendar import absolute_url
from kansli.meetings.models import Decision
from kansli.public import access
from kansli.public.views import kept_for_readers, kept_page, respond_kept
from kansli.registry.models import Body, Organisation

PER_PAGE = 25


class DecisionFilter(forms.Form):
    """The filters of the decisions list; every choice is one a reader could see anyway."""

    body = forms.ModelChoiceField(
        label=_("Committee or board"), queryset=None, to_field_name="slug", required=False,
        empty_label=_("All"),
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    matter = forms.ModelChoiceField(
        label=_("Matter"), queryset=None, to_field_name="slug", required=False,
        empty_label=_("All"),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=None, to_field_name="slug", required=False,
        empty_label=_("All"),
        help_text=_("Decisions of bodies the organisation runs or is a member of."),
    )

    def __init__(self, data) -> None:
        super().__init__(data)
        self.fields["body"].queryset = access.public_bodies().order_by("name")
        self.fields["matter"].queryset = access.public_matters().order_by("title")
        self.fields["organisation"].queryset = access.public_organisations().order_by("name")
        years = [(year, str(year)) for year in access.decision_years()]
        self.fields["year"].choices = [("", _("All")), *years]

    def filtered(self, decisions: QuerySet[Decision]) -> QuerySet[Decision]:
        chosen = self.cleaned_data
        if chosen.get("body"):
            decisions = decisions.filter(item__meeting__body=chosen["body"])
        if chosen.get("year"):
            decisions = decisions.filter(item__meeting__date__year=chosen["year"])
        if chosen.get("matter"):
            decisions = decisions.filter(item__matter=chosen["matter"])
        if chosen.get("organisation"):
            decisions = decisions.filter(of_organisation(chosen["organisation"]))
        return decisions

    def query(self) -> dict[str, str]:
        """The chosen filters as they go in an address, empty ones left out."""
        values = {name: self.data.get(name, "") for name in self.fields}
        return {name: str(value) for name, value in values.items() if value}


def of_organisation(organisation: Organisation) -> Q:
    """Decisions of the bodies `organisation` runs or is a member of."""
    member_of = Body.objects.filter(member_organisations=organisation).values("pk")
    return Q(item__meeting__body__organisation=organisation) | Q(item__meeting__body__in=member_of)


def page_address(query: dict[str, str], number: int) -> str:
    return "?" + urlencode({**query, "page": number} if number > 1 else query)


def page_of(decisions: QuerySet[Decision], number: str | None) -> Page:
    return Paginator(decisions, PER_PAGE).get_page(number)


@require_safe
def decision_list(request: HttpRequest) -> HttpResponse:
    return respond_kept(request, lambda: decision_page(request))


def decision_page(request: HttpRequest) -> HttpResponse:
    form = DecisionFilter(request.GET)
    valid = form.is_valid()
    decisions = form.filtered(access.public_decisions()) if valid else Decision.objects.none()
    page = page_of(decisions, request.GET.get("page"))
    query = form.query() if valid else {}
    # Kept only under the address the filters and page boil down to: a reader who adds
    # arbitrary parameters gets the page rendered, not a new entry in the cache.
    key = f"{request.path}{page_address(query, page.number)}" if valid else None
    return kept_page(request, key, lambda: TemplateResponse(request, "public/decisions.html", {
        "form": form,
        "page": page,
        "pages": [(number, page_address(query, number)) for number in page.paginator.page_range],
        "previous": page_address(query, page.number - 1) if page.has_previous() else "",
        "next": page_address(query, page.number + 1) if page.has_next() else "",
    }))


@kept_for_readers
def decision(request: HttpRequest, pk: int) -> TemplateResponse:
    found = access.public_decision(pk)
    return TemplateResponse(request, "public/decision.html", {
        "decision": found,
        "item": found.item,
        "meeting": found.item.meeting,
        "permalink": absolute_url(reverse("public:decision", kwargs={"pk": found.pk})),
    })


@require_safe
def item(request: HttpRequest, pk: int) -> HttpResponse:
    """An item's permanent address: its number may change, its id never does, so the
    redirect to its place on the meeting page is a temporary one."""
    return HttpResponseRedirect(access.public_item(pk).get_absolute_url())
