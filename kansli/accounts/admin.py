"""Accounts in the admin: a user's roles in bodies are given on the user's own page."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from kansli.accounts.models import BodyRole


class BodyRoleInline(admin.TabularInline):
    model = BodyRole
    extra = 1


class KansliUserAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, BodyRoleInline]


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), KansliUserAdmin)


@admin.register(BodyRole)
class BodyRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "body", "role"]
    list_filter = ["body", "role"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "body__name"]
    autocomplete_fields = ["user"]
