from django.contrib import admin

from kansli.registry.models import (
    Body,
    Membership,
    NameResolution,
    Organisation,
    Party,
    Person,
    Post,
    Tenure,
    Term,
)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fk_name = "body"
    autocomplete_fields = ["person", "post", "on_behalf_of"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "mode"]
    list_filter = ["mode"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["member_organisations"]
    inlines = [MembershipInline]


@admin.register(Party)
class PartyAdmin(admin.ModelAdmin):
    list_display = ["abbreviation", "name"]
    search_fields = ["abbreviation", "name"]


class TenureInline(admin.TabularInline):
    model = Tenure
    extra = 0
    autocomplete_fields = ["person", "party"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "party", "title"]
    list_filter = ["party", "organisation"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation"]
    search_fields = ["name"]
    inlines = [TenureInline]


@admin.register(Tenure)
class TenureAdmin(admin.ModelAdmin):
    list_display = ["person", "post", "party", "start", "end"]
    autocomplete_fields = ["person", "post", "party"]


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "start", "end"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["body", "person", "post", "role", "on_behalf_of", "start", "end"]
    list_filter = ["body", "role"]
    search_fields = ["person__name", "post__name", "body__name"]
    autocomplete_fields = ["person", "post", "on_behalf_of", "substitute_for"]


@admin.register(NameResolution)
class NameResolutionAdmin(admin.ModelAdmin):
    list_display = ["name_as_written", "organisation", "person", "resolved_by", "resolved_at"]
    search_fields = ["name_as_written", "folded_name", "person__name"]
    autocomplete_fields = ["organisation", "person"]
    readonly_fields = ["resolved_by"]
