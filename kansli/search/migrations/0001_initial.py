"""The search index, and the full-text structure each database builds over it.

SQLite: an FTS5 table with external content (the index table itself), kept in step by triggers.
Django rebuilds a SQLite table to alter it, which drops its triggers: a later migration that
alters `search_entry` must create the triggers again (test_schema checks they exist).

PostgreSQL: a generated tsvector column with a GIN index, and bytewise ("C") order for the terms,
so a prefix is a range the primary key's index can read.
"""

import django.db.models.deletion
from django.db import migrations, models


class RunSQLOn(migrations.RunSQL):
    """RunSQL on one database vendor only; nothing elsewhere."""

    def __init__(self, vendor, sql, reverse_sql):
        super().__init__(sql, reverse_sql)
        self.vendor = vendor

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)


FTS5 = [
    # The terms are normalised already: split at spaces, keep å, ä and ö, no column sizes (the
    # ranking is done outside SQLite, so bm25 and its statistics are never needed).
    """CREATE VIRTUAL TABLE search_entry_fts USING fts5(
        title_terms, text_terms, facets,
        content='search_entry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', columnsize=0)""",
    """CREATE TRIGGER search_entry_fts_insert AFTER INSERT ON search_entry BEGIN
        INSERT INTO search_entry_fts(rowid, title_terms, text_terms, facets)
        VALUES (new.id, new.title_terms, new.text_terms, new.facets);
    END""",
    """CREATE TRIGGER search_entry_fts_delete AFTER DELETE ON search_entry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, title_terms, text_terms, facets)
        VALUES ('delete', old.id, old.title_terms, old.text_terms, old.facets);
    END""",
    """CREATE TRIGGER search_entry_fts_update AFTER UPDATE ON search_entry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, title_terms, text_terms, facets)
        VALUES ('delete', old.id, old.title_terms, old.text_terms, old.facets);
        INSERT INTO search_entry_fts(rowid, title_terms, text_terms, facets)
        VALUES (new.id, new.title_terms, new.text_terms, new.facets);
    END""",
]
FTS5_REVERSE = [
    "DROP TRIGGER search_entry_fts_update",
    "DROP TRIGGER search_entry_fts_delete",
    "DROP TRIGGER search_entry_fts_insert",
    "DROP TABLE search_entry_fts",
]

POSTGRES = [
    # Facets start with "=", which the parser would drop, so they go in as lexemes as they are.
    """ALTER TABLE search_entry ADD COLUMN document tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, title_terms)
        || to_tsvector('simple'::regconfig, text_terms)
        || array_to_tsvector(string_to_array(facets, ' '))) STORED""",
    "CREATE INDEX search_entry_document ON search_entry USING gin (document)",
    'ALTER TABLE search_term ALTER COLUMN term TYPE varchar(64) COLLATE "C"',
]
POSTGRES_REVERSE = [
    "ALTER TABLE search_term ALTER COLUMN term TYPE varchar(64) COLLATE \"default\"",
    "DROP INDEX search_entry_document",
    "ALTER TABLE search_entry DROP COLUMN document",
]


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('meetings', '0001_initial'),
        ('registry', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='Term',
            fields=[
                ('term', models.CharField(max_length=64, primary_key=True, serialize=False, verbose_name='term')),
            ],
            options={
                'verbose_name': 'search term',
                'verbose_name_plural': 'search terms',
            },
        ),
        migrations.CreateModel(
            name='Entry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('item', 'Item'), ('matter', 'Matter')], max_length=10, verbose_name='kind')),
                ('date', models.DateField(help_text="The meeting's date.", verbose_name='date')),
                ('year', models.PositiveSmallIntegerField(db_index=True, verbose_name='year')),
                ('meeting_kind', models.CharField(blank=True, choices=[('ordinary', 'Meeting'), ('planning_conference', 'Planning conference'), ('extra', 'Extra meeting')], max_length=30, verbose_name='kind of meeting')),
                ('number', models.CharField(blank=True, max_length=20, verbose_name='number')),
                ('url', models.CharField(max_length=500, verbose_name='address')),
                ('title', models.CharField(max_length=500, verbose_name='title')),
                ('text', models.TextField(blank=True, help_text='Narrative and decisions.', verbose_name='text')),
                ('title_terms', models.TextField(help_text="The title's search terms, space-separated.")),
                ('text_terms', models.TextField(help_text="The text's search terms, space-separated.")),
                ('facets', models.CharField(help_text='Filter values as search terms: =body12 =year2022 …', max_length=200)),
                ('body', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='search_entries', to='registry.body', verbose_name='body')),
                ('matter', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='search_entries', to='meetings.matter', verbose_name='matter')),
                ('meeting', models.ForeignKey(blank=True, help_text='The meeting of the item; for a matter, the meeting its link leads to.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='search_entries', to='meetings.meeting', verbose_name='meeting')),
            ],
            options={
                'verbose_name': 'search entry',
                'verbose_name_plural': 'search entries',
            },
        ),
        RunSQLOn('sqlite', FTS5, FTS5_REVERSE),
        RunSQLOn('postgresql', POSTGRES, POSTGRES_REVERSE),
    ]
