from django.contrib import admin

from kansli.imports.models import SourceDocument


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["file_name", "meeting", "imported_at", "parser_version"]
    readonly_fields = ["meeting", "file_name", "sha256", "size", "text", "parser_version",
                       "imported_at"]
    search_fields = ["file_name"]
