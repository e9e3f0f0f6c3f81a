"""The organisation's PAdES signature on published PDFs, made and checked with pyHanko.

The certificate and key are PEM files named by KANSLI_SIGNING_CERT and KANSLI_SIGNING_KEY (the
key's passphrase, if any, in KANSLI_SIGNING_KEY_PASSPHRASE). A real deployment uses a
certificate issued to the organisation; `kansli signing-certificate` makes a self-signed one for
demos and tests. A signature counts as valid only when it is intact, covers the whole file and
was made with the configured certificate, so a PDF re-signed by someone else is refused too.
"""

from __future__ import annotations

import asyncio
import datetime
import io
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.utils.translation import gettext as _

CERTIFICATE_YEARS = 5
SIGNATURE_FIELD = "Kansli"

# pyHanko logs each validation step at INFO; a verification's outcome is reported by Kansli.
logging.getLogger("pyhanko").setLevel(logging.WARNING)
logging.getLogger("pyhanko_certvalidator").setLevel(logging.WARNING)


class SigningError(Exception):
    """Signing is not set up, or the files it needs cannot be used; says which and how."""


@dataclass(frozen=True)
class SignatureCheck:
    """What checking a PDF's signature found; `problem` is empty when the signature is good."""

    problem: str = ""
    signer: str = ""
    signed_at: datetime.datetime | None = None

    @property
    def ok(self) -> bool:
        return not self.problem


def _paths() -> tuple[Path, Path]:
    return Path(settings.KANSLI_SIGNING_CERT), Path(settings.KANSLI_SIGNING_KEY)


def _passphrase() -> bytes | None:
    passphrase = settings.KANSLI_SIGNING_KEY_PASSPHRASE
    return passphrase.encode() if passphrase else None


def is_configured() -> bool:
    cert, key = _paths()
    return cert.is_file() and key.is_file()


def create_certificate(common_name: str, organisation: str, *, force: bool = False) -> Path:
    """Write a self-signed certificate and its key where the settings point; return the cert."""
    cert_path, key_path = _paths()
    if not force and (cert_path.exists() or key_path.exists()):
        raise SigningError(
            _("%(path)s already exists; give --force to replace it.")
            % {"path": cert_path if cert_path.exists() else key_path}
        )
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = _self_signed(key, common_name, organisation)
    passphrase = _passphrase()
    encryption = (
        serialization.BestAvailableEncryption(passphrase) if passphrase
        else serialization.NoEncryption()
    )
    key_path.parent.mkdir(parents=True, exist_ok=True)
    cert_path.parent.mkdir(parents=True, exist_ok=True)
    key_path.touch(mode=0o600)
    key_path.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    ))
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return cert_path


def _self_signed(key: ec.EllipticCurvePrivateKey, common_name: str, organisation: str):
    name = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "SE"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])
    now = datetime.datetime.now(datetime.UTC)
    usage = x509.KeyUsage(
        digital_signature=True, content_commitment=True, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
        encipher_only=False, decipher_only=False,
    )
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=365 * CERTIFICATE_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .sign(key, hashes.SHA256())
    )


def _signer():
    from pyhanko.sign import signers

    if not is_configured():
        cert, key = _paths()
        raise SigningError(
            _("No signing certificate: %(cert)s or %(key)s is missing. Set "
              "KANSLI_SIGNING_CERT and KANSLI_SIGNING_KEY, or run `kansli signing-certificate` "
              "to make a self-signed one.") % {"cert": cert, "key": key}
        )
    cert, key = _paths()
    signer = signers.SimpleSigner.load(str(key), str(cert), key_passphrase=_passphrase())
    if signer is None:  # pyHanko logs the reason and returns None
        raise SigningError(
            _("The signing key %(key)s or certificate %(cert)s cannot be read; check the files "
              "and KANSLI_SIGNING_KEY_PASSPHRASE.") % {"key": key, "cert": cert}
        )
    return signer


def sign_pdf(pdf: bytes, *, reason: str, location: str = "") -> bytes:
    """`pdf` with a PAdES signature of the organisation over the whole file."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location or None,
    )
    output = signers.sign_pdf(writer, metadata, signer=_signer())
    return output.getvalue()


def _trusted_certificate():
    from pyhanko.keys import load_cert_from_pemder

    cert, _key = _paths()
    if not cert.is_file():
        raise SigningError(
            _("No signing certificate to check against: %(cert)s is missing (KANSLI_SIGNING_CERT).")
            % {"cert": cert}
        )
    return load_cert_from_pemder(str(cert))


def check_signature(pdf: bytes) -> SignatureCheck:
    """Whether `pdf` carries an intact signature by the configured certificate over all of it."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _check(pdf)
    # pyHanko's validation runs an asyncio loop of its own, which cannot start in a thread that
    # already runs one (an ASGI server; Playwright's tests): check in a thread of its own.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_check, pdf).result()


def _check(pdf: bytes) -> SignatureCheck:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_roots=[_trusted_certificate()], allow_fetching=False)
    try:
        signatures = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    except (PdfReadError, ValueError, KeyError) as error:
        return SignatureCheck(_("Not a readable PDF: %(error)s") % {"error": error})
    if not signatures:
        return SignatureCheck(_("The PDF carries no signature."))
    try:
        status = validate_pdf_signature(signatures[-1], context)
    except Exception as error:  # pyHanko raises many kinds on a damaged signature
        return SignatureCheck(_("The signature cannot be read: %(error)s") % {"error": error})
    return _judge(status)


def _judge(status) -> SignatureCheck:
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    signer = status.signing_cert.subject.human_friendly if status.signing_cert else ""
    found = {"signer": signer, "signed_at": status.signer_reported_dt}
    if not status.intact or not status.valid:
        return SignatureCheck(_("The file was changed after it was signed."), **found)
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return SignatureCheck(_("The file has content added after the signature."), **found)
    if not status.trusted:
        return SignatureCheck(
            _("The signature was not made with the organisation's certificate (signed by "
              "%(signer)s).") % {"signer": signer},
            **found,
        )
    return SignatureCheck(**found)
