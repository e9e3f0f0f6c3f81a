"""Pages, files, feeds and API answers carry ETag and Last-Modified and answer 304 Not Modified
while nothing has changed, without a query; any change to the content makes them new."""

from __future__ import annotations

import datetime

import pytest
from django.utils.http import http_date

from kansli.meetings.models import Meeting


@pytest.fixture
def addresses(committee) -> list[str]:
    published = committee.published.get_absolute_url()
    return [
        "/", published, f"{published}samarbetskommitten-2022-11-10.pdf", "/beslut/",
        "/beslut/?year=2022", "/flode/samarbetskommitten/rss/",
        "/kalender/samarbetskommitten.ics", "/api/v1/meetings",
        f"/api/v1/meetings/{committee.published.pk}",
    ]


def test_every_answer_carries_validators(client, addresses):
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        assert response["ETag"].startswith('W/"'), address
        assert response["Last-Modified"], address
        assert "no-cache" in response["Cache-Control"], address


def test_an_unchanged_answer_is_304_without_a_query(
    client, addresses, django_assert_num_queries
):
    for address in addresses:
        etag = client.get(address)["ETag"]
        with django_assert_num_queries(0):
            again = client.get(address, headers={"if-none-match": etag})
        assert again.status_code == 304, address
        assert again["ETag"] == etag and again.content == b""


def test_if_modified_since_is_answered_too(client, committee):
    address = committee.published.get_absolute_url()
    last_modified = client.get(address)["Last-Modified"]
    assert client.get(address, headers={"if-modified-since": last_modified}).status_code == 304
    earlier = http_date(datetime.datetime(2020, 1, 1).timestamp())
    assert client.get(address, headers={"if-modified-since": earlier}).status_code == 200


def test_a_change_makes_every_copy_stale(client, committee, django_capture_on_commit_callbacks):
    address = committee.published.get_absolute_url()
    etag = client.get(address)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        Meeting.objects.get(pk=committee.published.pk).save()
    response = client.get(address, headers={"if-none-match": etag})
    assert response.status_code == 200 and response["ETag"] != etag


def test_copies_differ_by_language(client, committee):
    address = committee.published.get_absolute_url()
    swedish = client.get(address)["ETag"]
    english = client.get(address, headers={"accept-language": "en"})["ETag"]
    assert swedish != english
    stale = client.get(address, headers={"accept-language": "en", "if-none-match": swedish})
    assert stale.status_code == 200


def test_pages_stay_private_files_and_data_may_be_shared(client, committee):
    assert "private" in client.get("/")["Cache-Control"]
    assert "public" in client.get("/api/v1/system")["Cache-Control"]


def test_a_kept_page_costs_two_cache_reads_and_no_query(
    client, committee, monkeypatch, django_assert_num_queries
):
    from django.core.cache import caches

    address = committee.published.get_absolute_url()
    client.get(address)  # rendered and kept
    backend = type(caches["default"])
    reads = []
    original = backend.get

    def counted(self, key, *args, **kwargs):
        reads.append(key)
        return original(self, key, *args, **kwargs)

    monkeypatch.setattr(backend, "get", counted)
    with django_assert_num_queries(0):
        assert client.get(address).status_code == 200
    # The content's state once (validators and keys agree on it), then the page itself.
    assert len(reads) == 2, reads
