from django.contrib import admin

from kansli.imports.models import Correction, SourceDocument


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["file_name", "meeting", "format", "review_status", "imported_at",
                    "parser_version"]
    list_filter = ["review_status", "format"]
    readonly_fields = ["meeting", "file_name", "sha256", "size", "format", "text", "parsed",
                       "confidence", "review_status", "reviewed_by", "reviewed_at",
                       "parser_version", "imported_at"]
    search_fields = ["file_name"]


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ["file_name", "field", "created_by", "created_at"]
    search_fields = ["file_name"]
    readonly_fields = ["source", "created_by", "created_at"]
