"""The registry the secretariat keeps for every body: posts and who held them when, terms of
office, and the one form that records a change (a new holder of a post, or a re-election)."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.db.models import F, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from kansli.memory import access
from kansli.memory.forms import ChangeForm, PostForm, TermForm
from kansli.registry.models import Post, Tenure, Term
from kansli.registry.roster import covers


def _posts():
    tenures = Tenure.objects.select_related("person", "party").order_by(
        F("start").asc(nulls_first=True), "pk")
    return Post.objects.select_related("organisation").prefetch_related(
        Prefetch("tenures", queryset=tenures, to_attr="held")
    )


def holder_on(post: Post, day) -> Tenure | None:
    """The tenure of a post loaded by `_posts()` that covers `day`."""
    return next((t for t in post.held if covers((t.start, t.end), day)), None)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    access.registry_reader(request)
    today = timezone.localdate()
    posts = [(post, holder_on(post, today)) for post in _posts()]
    return render(request, "memory/registry.html", {
        "posts": posts, "terms": Term.objects.all(), "today": today, "nav": "registry",
        "is_keeper": access.secretary_bodies(request).exists(),
    })


@require_http_methods(["GET", "POST"])
def record_change(request: HttpRequest) -> HttpResponse:
    access.registry_keeper(request)
    form = ChangeForm(request.POST or None, initial={"post": request.GET.get("post")})
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            tenure = form.save()
        messages.success(request, _("%(person)s holds %(post)s from %(date)s.") % {
            "person": tenure.person, "post": tenure.post, "date": tenure.start.isoformat()})
        return redirect("memory:post", pk=tenure.post_id)
    return render(request, "memory/change_form.html", {"form": form, "nav": "registry"},
                  status=400 if request.method == "POST" else 200)


@require_http_methods(["GET", "POST"])
def new_post(request: HttpRequest) -> HttpResponse:
    access.registry_keeper(request)
    form = PostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        post = form.save()
        messages.success(request, _("The post is saved."))
        return redirect("memory:post", pk=post.pk)
    return render(request, "memory/form.html", {
        "form": form, "title": _("New post"), "submit": _("Save the post"),
        "nav": "registry",
    }, status=400 if request.method == "POST" else 200)


@require_safe
def post(request: HttpRequest, pk: int) -> HttpResponse:
    found = access.registry_post(request, pk)
    tenures = found.tenures.select_related("person", "party", "term").order_by(
        F("start").desc(nulls_last=True), "-pk")
    seats = found.memberships.select_related("body", "on_behalf_of").order_by("body__name")
    return render(request, "memory/post.html", {
        "post": found, "tenures": tenures, "seats": seats, "nav": "registry",
        "is_keeper": access.secretary_bodies(request).exists(),
    })


@require_http_methods(["GET", "POST"])
def terms(request: HttpRequest) -> HttpResponse:
    access.registry_keeper(request)
    form = TermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The term of office is saved."))
        return redirect("memory:terms")
    return render(request, "memory/terms.html", {
        "form": form, "terms": Term.objects.all(), "nav": "registry",
    }, status=400 if request.method == "POST" else 200)
