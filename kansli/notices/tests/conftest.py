import pytest

from kansli.registry.models import Membership


@pytest.fixture
def members_with_email(committee):
    """The committee's chair and adjuster as members with e-mail addresses."""
    for person, address in ((committee.chair, "asa@alby.example"),
                            (committee.adjuster, "bjorn@borg.example")):
        person.email = address
        person.save()
        Membership.objects.create(body=committee.body, person=person)
    return committee


@pytest.fixture(autouse=True)
def _mail_in_english(settings):
    # Mail is written in the site's language; the tests read the msgids themselves, so they do
    # not depend on the state of the Swedish catalogue (tests/test_locale.py covers that).
    settings.LANGUAGE_CODE = "en"
