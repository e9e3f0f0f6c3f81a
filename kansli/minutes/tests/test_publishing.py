import hashlib
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from conftest import CONFIDENTIAL_MARKER
from kansli.meetings.models import AgendaItem
from kansli.meetings.numbering import number_meeting
from kansli.minutes import publication, signing, workflow
from kansli.minutes.models import MinutesStatus, NoticeBoardEntry, PublishedFile
from kansli.minutes.render import FORMATS
from kansli.registry.models import BodyMode

pytestmark = pytest.mark.usefixtures("in_english")


@pytest.fixture
def adjusted(draft, committee):
    """The draft, with a confidential item added, sent, signed and so adjusted."""
    AgendaItem.objects.create(
        meeting=committee.draft, position=5, title="Sekretessärende",
        text=CONFIDENTIAL_MARKER, confidential=True,
    )
    number_meeting(committee.draft)
    request = workflow.send_for_adjustment(draft)
    workflow.sign(draft, person=committee.adjuster, sha256=request.version.sha256)
    draft.refresh_from_db()
    return draft


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_publishing_freezes_every_format_and_signs_the_pdf(adjusted, signing_certificate):
    workflow.publish_adjusted(adjusted)
    adjusted.refresh_from_db()
    assert adjusted.status == MinutesStatus.PUBLISHED
    files = {f.format: f for f in PublishedFile.objects.all()}
    assert set(files) == {"pdf", "docx", "html", "txt"}
    pdf = publication.read(files["pdf"])
    assert files["pdf"].signed and files["pdf"].sha256 == hashlib.sha256(pdf).hexdigest()
    assert signing.check_signature(pdf).ok
    text = pdf_text(pdf)
    assert "Björn Justerare, adjuster, signed electronically" in " ".join(text.split())
    for published in files.values():
        assert CONFIDENTIAL_MARKER.encode() not in publication.read(published)
    assert CONFIDENTIAL_MARKER not in text


def test_the_pdf_is_pdf_a(adjusted, signing_certificate):
    workflow.publish_adjusted(adjusted)
    pdf = publication.read(PublishedFile.objects.get(format="pdf"))
    metadata = PdfReader(io.BytesIO(pdf)).xmp_metadata
    assert metadata is not None
    assert b"pdfaid" in metadata.stream.get_data()


def test_publishing_without_a_certificate_is_refused_and_changes_nothing(adjusted, settings,
                                                                           tmp_path):
    settings.KANSLI_SIGNING_CERT = tmp_path / "none.pem"
    settings.KANSLI_SIGNING_KEY = tmp_path / "none.key"
    with pytest.raises(signing.SigningError, match="kansli signing-certificate"):
        workflow.publish_adjusted(adjusted)
    adjusted.refresh_from_db()
    assert adjusted.status == MinutesStatus.ADJUSTED
    assert not PublishedFile.objects.exists()


def test_only_adjusted_minutes_are_published(draft, signing_certificate):
    with pytest.raises(workflow.WorkflowError, match="Only adjusted minutes"):
        workflow.publish_adjusted(draft)


def test_readers_get_the_frozen_file_even_if_the_content_changes_later(
    adjusted, committee, signing_certificate, client
):
    workflow.publish_adjusted(adjusted)
    url = "/samarbetskommitten/2022-12-01/samarbetskommitten-2022-12-01.pdf"
    first = client.get(url).content
    assert hashlib.sha256(first).hexdigest() == PublishedFile.objects.get(format="pdf").sha256
    AgendaItem.objects.filter(meeting=committee.draft).update(title="Ändrad i efterhand")
    again = client.get(url).content
    assert again == first


def test_publishing_a_protocol_puts_it_on_the_notice_board(adjusted, committee,
                                                           signing_certificate, client):
    committee.body.mode = BodyMode.PROTOCOL
    committee.body.protocol_kept_at = "Kommunkansliet, Stadshuset"
    committee.body.save()
    workflow.publish_adjusted(adjusted)
    entry = NoticeBoardEntry.objects.get()
    assert (entry.take_down_on - entry.posted_on).days >= 21
    assert entry.kept_at == "Kommunkansliet, Stadshuset"
    page = client.get("/anslagstavla/", headers={"accept-language": "en"}).content.decode()
    assert "Kommunkansliet, Stadshuset" in page
    assert committee.draft.get_absolute_url() in page


def test_notes_mode_minutes_do_not_go_on_the_notice_board(adjusted, signing_certificate):
    workflow.publish_adjusted(adjusted)
    assert not NoticeBoardEntry.objects.exists()


def test_the_notice_board_shows_only_published_minutes(adjusted, committee, signing_certificate,
                                                       client):
    committee.body.mode = BodyMode.PROTOCOL
    committee.body.save()
    workflow.publish_adjusted(adjusted)
    workflow.correct(adjusted, reason="Fel i § 1")
    page = client.get("/anslagstavla/").content.decode()
    assert committee.draft.get_absolute_url() not in page


# --- kansli verify --------------------------------------------------------------------------


@pytest.fixture
def published_pdf(adjusted, signing_certificate, tmp_path) -> Path:
    workflow.publish_adjusted(adjusted)
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(publication.read(PublishedFile.objects.get(format="pdf")))
    return path


def test_verify_accepts_the_published_pdf(published_pdf, capsys):
    call_command("verify", str(published_pdf))
    out = capsys.readouterr().out
    assert "genuine" in out and "Björn Justerare" in out


def test_verify_refuses_a_tampered_pdf(published_pdf):
    data = bytearray(published_pdf.read_bytes())
    position = data.index(b"/Title") + 8  # inside the signed document information
    data[position] = ord("X") if data[position] != ord("X") else ord("Y")
    published_pdf.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="changed after it was signed"):
        call_command("verify", str(published_pdf))


def test_verify_refuses_an_unsigned_pdf(adjusted, signing_certificate, tmp_path):
    path = tmp_path / "osignerad.pdf"
    path.write_bytes(FORMATS["pdf"].renderer(publication.public_document(
        adjusted.versions.get()
    )))
    with pytest.raises(CommandError, match="no signature"):
        call_command("verify", str(path))


def test_verify_refuses_a_signed_pdf_kansli_did_not_publish(published_pdf, tmp_path):
    other = tmp_path / "annan.pdf"
    version = PublishedFile.objects.get(format="pdf").version
    doc = publication.public_document(version)
    doc.title = "Något annat"
    other.write_bytes(signing.sign_pdf(FORMATS["pdf"].renderer(doc), reason="test"))
    with pytest.raises(CommandError, match="matches no minutes"):
        call_command("verify", str(other))


def test_verify_refuses_a_pdf_signed_with_another_certificate(published_pdf, settings, tmp_path):
    data = published_pdf.read_bytes()
    settings.KANSLI_SIGNING_CERT = tmp_path / "annan" / "cert.pem"
    settings.KANSLI_SIGNING_KEY = tmp_path / "annan" / "key.pem"
    signing.create_certificate("Någon annan", "Annan organisation")
    copy = tmp_path / "kopia.pdf"
    copy.write_bytes(data)
    with pytest.raises(CommandError, match="not made with the organisation's certificate"):
        call_command("verify", str(copy))


def test_verify_names_a_missing_file(tmp_path, signing_certificate):
    with pytest.raises(CommandError, match="saknas.pdf"):
        call_command("verify", str(tmp_path / "saknas.pdf"))


def test_the_signing_certificate_command_refuses_to_overwrite(signing_certificate):
    with pytest.raises(CommandError, match="already exists"):
        call_command("signing-certificate")


def test_a_key_that_does_not_match_its_certificate_stops_publishing(adjusted, settings, tmp_path,
                                                                    signing_certificate):
    cert, _key = signing_certificate
    settings.KANSLI_SIGNING_CERT = tmp_path / "other" / "cert.pem"
    settings.KANSLI_SIGNING_KEY = tmp_path / "other" / "key.pem"
    signing.create_certificate("Annan", "Annan")
    settings.KANSLI_SIGNING_CERT = cert  # the organisation's certificate, someone else's key
    with pytest.raises(signing.SigningError):
        workflow.publish_adjusted(adjusted)
    adjusted.refresh_from_db()
    assert adjusted.status == MinutesStatus.ADJUSTED
    assert not PublishedFile.objects.exists()


def test_a_sub_item_of_a_confidential_item_is_not_published(draft, committee,
                                                            signing_certificate):
    secret = committee.draft.items.get()
    secret.confidential = True
    secret.save()
    AgendaItem.objects.create(meeting=committee.draft, parent=secret, position=0,
                              title="Underpunkt", text="UNDERPUNKTMARKOR")
    number_meeting(committee.draft)
    request = workflow.send_for_adjustment(draft)
    workflow.sign(draft, person=committee.adjuster, sha256=request.version.sha256)
    workflow.publish_adjusted(draft)
    for published in PublishedFile.objects.all():
        assert b"UNDERPUNKTMARKOR" not in publication.read(published), published.format
    assert "UNDERPUNKTMARKOR" not in pdf_text(
        publication.read(PublishedFile.objects.get(format="pdf"))
    )


def test_published_minutes_stay_available_while_they_are_corrected(
    adjusted, committee, signing_certificate, client
):
    workflow.publish_adjusted(adjusted)
    page = committee.draft.get_absolute_url()
    url = f"{page}samarbetskommitten-2022-12-01.pdf"
    published = client.get(url).content
    workflow.correct(adjusted, reason="Fel datum i § 2")
    AgendaItem.objects.filter(meeting=committee.draft).update(title="RÄTTELSEUTKAST")

    text = client.get(page).content.decode()
    assert "The minutes are being corrected." in text and url in text
    assert "RÄTTELSEUTKAST" not in text
    # The file readers get is the one that was published, byte for byte.
    assert client.get(url).content == published


def test_minutes_withdrawn_from_publication_leave_nothing_public(
    adjusted, committee, signing_certificate, client
):
    workflow.publish_adjusted(adjusted)
    page = committee.draft.get_absolute_url()
    url = f"{page}samarbetskommitten-2022-12-01.pdf"
    workflow.move(adjusted, MinutesStatus.ADJUSTED)
    assert client.get(url).status_code == 404
    assert "being corrected" not in client.get(page).content.decode()
