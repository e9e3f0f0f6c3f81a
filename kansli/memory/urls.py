"""The secretariat's pages of the committee's memory, under /hantera/ beside the other staff
pages. They are included before them: the fixed words here would otherwise be taken for a
meeting's address (`registry.addresses.reserved_meeting_slugs` keeps meetings off them)."""

from django.urls import path

from kansli.memory.views import actions, matters, names, registry, roster

app_name = "memory"

BODY = "<slug:body>/"
MATTER = BODY + "arenden/<slug:slug>/"

urlpatterns = [
    path("register/", registry.home, name="registry"),
    path("register/forandring/", registry.record_change, name="record_change"),
    path("register/poster/ny/", registry.new_post, name="new_post"),
    path("register/poster/<int:pk>/", registry.post, name="post"),
    path("register/mandatperioder/", registry.terms, name="terms"),
    path("register/namn/", names.unresolved, name="names"),
    path("register/namn/los/", names.resolve, name="resolve_name"),
    path(BODY + "ledamoter/", roster.roster, name="roster"),
    path(BODY + "ledamoter/ny/", roster.new_membership, name="new_membership"),
    path(BODY + "ledamoter/<int:pk>/avsluta/", roster.end_membership, name="end_membership"),
    path(BODY + "forandringar/", roster.changes, name="changes"),
    path(BODY + "arenden/", matters.matters, name="matters"),
    path(BODY + "arenden/ny/", matters.new_matter, name="new_matter"),
    path(MATTER, matters.matter, name="matter"),
    path(MATTER + "andra/", matters.edit_matter, name="edit_matter"),
    path(MATTER + "koppla/", matters.link_item, name="link_item"),
    path(MATTER + "planera/", matters.plan, name="plan"),
    path(MATTER + "skicka/", matters.send, name="send"),
    path(MATTER + "antagande/", matters.record_adoption, name="record_adoption"),
    path(BODY + "atgarder/", actions.actions, name="actions"),
    path(BODY + "atgarder/ny/", actions.new_action, name="new_action"),
    path(BODY + "atgarder/<int:pk>/stang/", actions.close_action, name="close_action"),
    path(BODY + "antaganden/", matters.adoptions, name="adoptions"),
]
