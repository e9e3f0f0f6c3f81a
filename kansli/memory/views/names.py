"""Names imported minutes wrote that the registry does not know yet: the list, and resolving
one (remembered for the next import)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from kansli.memory import access, names
from kansli.memory.forms import ResolveNameForm, person_choices


def _scope(request: HttpRequest):
    """The bodies whose names the user resolves: every body for a site administrator."""
    bodies = access.registry_keeper(request)
    return None if request.user.is_superuser else bodies


def _page(request: HttpRequest, failed: ResolveNameForm | None = None,
          status: int = 200) -> HttpResponse:
    entries = names.unresolved_names(_scope(request))
    choices = person_choices()
    rows = []
    for number, entry in enumerate(entries):
        mine = failed is not None and failed.data.get("key") == entry.key
        form = failed if mine else ResolveNameForm(entry=entry, number=number, choices=choices)
        rows.append((entry, form))
    return render(request, "memory/names.html", {"rows": rows, "nav": "registry"},
                  status=status)


@require_safe
def unresolved(request: HttpRequest) -> HttpResponse:
    return _page(request)


@require_POST
def resolve(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    listed = {entry.key for entry in names.unresolved_names(scope)}
    form = ResolveNameForm(request.POST, number=-1)
    if not form.is_valid():
        return _page(request, form, 400)
    data = form.cleaned_data
    if data["key"] not in listed:
        messages.error(request, _("This name is not in your list, or already resolved."))
        return redirect("memory:names")
    try:
        person = names.resolve(data["key"], data["choice"], data["person"], user=request.user)
    except names.ResolveError as error:
        messages.error(request, str(error))
        return redirect("memory:names")
    if person is None:
        messages.success(request, _("The name is kept as written."))
    else:
        messages.success(request, _("The name now points to %(person)s.") % {"person": person})
    return redirect("memory:names")
