"""The upload validator judges files by their bytes: disguised files fail."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from ikone.core import uploads
from ikone.core.uploads import (
    DOCUMENT_TYPES,
    IMAGE_TYPES,
    MB,
    UploadValidator,
    detect_file_type,
)

PDF_BYTES = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 17
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20
GIF_BYTES = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"
WEBP_BYTES = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 20
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 48
HTML_BYTES = b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"
CSV_BYTES = b"Gemeinde;Einwohner\nMainz;220000\nTrier;110000\n"


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX_BYTES = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX_BYTES = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
PPTX_BYTES = _zip({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"})
ODT_BYTES = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
ODS_BYTES = _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})
PLAIN_ZIP_BYTES = _zip({"setup.exe": EXE_BYTES})


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("bericht.pdf", PDF_BYTES, "pdf"),
        ("logo.png", PNG_BYTES, "png"),
        ("foto.jpg", JPEG_BYTES, "jpeg"),
        ("foto.JPEG", JPEG_BYTES, "jpeg"),
        ("animation.gif", GIF_BYTES, "gif"),
        ("bild.webp", WEBP_BYTES, "webp"),
        ("konzept.docx", DOCX_BYTES, "docx"),
        ("finanzplan.xlsx", XLSX_BYTES, "xlsx"),
        ("vortrag.pptx", PPTX_BYTES, "pptx"),
        ("konzept.odt", ODT_BYTES, "odt"),
        ("tabelle.ods", ODS_BYTES, "ods"),
        ("kommunen.csv", CSV_BYTES, "csv"),
        ("notiz.txt", "Grüße aus Speyer\n".encode(), "txt"),
    ],
)
def test_genuine_files_are_recognised_and_accepted(name, content, kind):
    assert detect_file_type(io.BytesIO(content), name).name == kind
    UploadValidator(allowed=IMAGE_TYPES + DOCUMENT_TYPES)(upload(name, content))


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("rechnung.pdf", EXE_BYTES, "file_type_not_allowed"),
        ("rechnung.pdf", PLAIN_ZIP_BYTES, "file_type_not_allowed"),
        ("rechnung.pdf", HTML_BYTES, "file_extension_mismatch"),
        ("logo.png", HTML_BYTES, "file_extension_mismatch"),
        ("logo.png", JPEG_BYTES, "file_type_not_allowed"),
        ("konzept.pdf", DOCX_BYTES, "file_extension_mismatch"),
        ("konzept.docx", ODT_BYTES, "file_extension_mismatch"),
        ("tabelle.csv", b"a;b\n\x00\x01\x02", "file_type_not_allowed"),
        ("tabelle.csv", "Größe;Ort\n".encode("latin-1"), "file_type_not_allowed"),
        ("programm.exe", EXE_BYTES, "file_type_not_allowed"),
        (
            "bild.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
            "file_extension_mismatch",
        ),
    ],
)
def test_disguised_files_are_refused(name, content, code):
    with pytest.raises(ValidationError) as excinfo:
        UploadValidator(allowed=DOCUMENT_TYPES)(upload(name, content))
    assert excinfo.value.code == code


def test_images_only_refuse_documents():
    with pytest.raises(ValidationError) as excinfo:
        UploadValidator(allowed=IMAGE_TYPES)(upload("bericht.pdf", PDF_BYTES))
    assert excinfo.value.code == "file_type_not_allowed"
    assert ".png" in str(excinfo.value.messages[0])


def test_files_above_the_size_limit_are_refused_before_reading():
    big = upload("gross.pdf", PDF_BYTES + b"0" * MB)
    with pytest.raises(ValidationError) as excinfo:
        UploadValidator(max_size=MB)(big)
    assert excinfo.value.code == "file_too_large"
    assert "zu groß" in excinfo.value.messages[0]


def test_empty_files_are_refused():
    with pytest.raises(ValidationError) as excinfo:
        UploadValidator()(upload("leer.pdf", b""))
    assert excinfo.value.code == "file_empty"


def test_broken_zip_is_no_office_document():
    assert detect_file_type(io.BytesIO(b"PK\x03\x04broken"), "x.docx") is None


def test_validator_is_usable_in_migrations():
    validator = UploadValidator(allowed=IMAGE_TYPES, max_size=5 * MB)
    path, args, kwargs = validator.deconstruct()
    assert path == "ikone.core.uploads.UploadValidator"
    assert UploadValidator(*args, **kwargs) == validator
    assert validator != UploadValidator(allowed=IMAGE_TYPES, max_size=6 * MB)


def test_validator_works_on_a_model_file_field():
    from django.db import models

    field = models.FileField(validators=[UploadValidator(allowed=(uploads.PDF,))])
    with pytest.raises(ValidationError):
        field.run_validators(upload("x.pdf", EXE_BYTES))
    field.run_validators(upload("x.pdf", PDF_BYTES))


@given(st.binary(min_size=1, max_size=512))
def test_arbitrary_bytes_never_crash_the_detector(content):
    kind = detect_file_type(io.BytesIO(content), "datei.bin")
    assert kind is None or kind in uploads.ALL_TYPES
