"""Checks for uploaded files: what the file really is (from its bytes, not
its name or the browser's claim), whether that type is allowed here, whether
the name's extension matches it, and its size.

Use the validator on any FileField or form field::

    attachment = models.FileField(
        validators=[UploadValidator(allowed=DOCUMENT_TYPES, max_size=10 * MB)]
    )
"""

from __future__ import annotations

import codecs
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024
HEAD_SIZE = 64
TEXT_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FileType:
    """A type we can recognise: its name, MIME type and the extensions a
    file of this type may carry."""

    name: str
    mime: str
    extensions: tuple[str, ...]


PDF = FileType("pdf", "application/pdf", (".pdf",))
PNG = FileType("png", "image/png", (".png",))
JPEG = FileType("jpeg", "image/jpeg", (".jpg", ".jpeg"))
GIF = FileType("gif", "image/gif", (".gif",))
WEBP = FileType("webp", "image/webp", (".webp",))
DOCX = FileType(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
)
XLSX = FileType(
    "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)
)
PPTX = FileType(
    "pptx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    (".pptx",),
)
ODT = FileType("odt", "application/vnd.oasis.opendocument.text", (".odt",))
ODS = FileType("ods", "application/vnd.oasis.opendocument.spreadsheet", (".ods",))
ODP = FileType("odp", "application/vnd.oasis.opendocument.presentation", (".odp",))
CSV = FileType("csv", "text/csv", (".csv",))
TXT = FileType("txt", "text/plain", (".txt",))

IMAGE_TYPES: tuple[FileType, ...] = (PNG, JPEG, GIF, WEBP)
DOCUMENT_TYPES: tuple[FileType, ...] = (PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, CSV, TXT)
ALL_TYPES: tuple[FileType, ...] = IMAGE_TYPES + DOCUMENT_TYPES

# Leading bytes of binary formats.
MAGIC_NUMBERS: tuple[tuple[bytes, FileType], ...] = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
)
ZIP_MAGIC = b"PK\x03\x04"

# Office Open XML: a zip with [Content_Types].xml and the main part of its kind.
OOXML_MAIN_PARTS: tuple[tuple[str, FileType], ...] = (
    ("word/document.xml", DOCX),
    ("xl/workbook.xml", XLSX),
    ("ppt/presentation.xml", PPTX),
)
# OpenDocument: a zip whose entry "mimetype" names the type.
ODF_MIMETYPES: dict[str, FileType] = {kind.mime: kind for kind in (ODT, ODS, ODP)}


def _read_head(stream: IO[bytes]) -> bytes:
    stream.seek(0)
    head = stream.read(HEAD_SIZE)
    stream.seek(0)
    return head


def _sniff_zip(stream: IO[bytes]) -> FileType | None:
    """Look inside a zip for the marks of OOXML and ODF documents. Only the
    directory and the few bytes of `mimetype` are read, so a zip bomb costs
    nothing."""
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as entry:
                    declared = entry.read(100).decode("ascii", "replace").strip()
                return ODF_MIMETYPES.get(declared)
            if "[Content_Types].xml" in names:
                for part, kind in OOXML_MAIN_PARTS:
                    if part in names:
                        return kind
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        return None
    finally:
        stream.seek(0)
    return None


def _is_utf8_text(stream: IO[bytes]) -> bool:
    """True when the whole stream is UTF-8 without NUL or other control
    bytes that text never contains."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    stream.seek(0)
    try:
        while chunk := stream.read(TEXT_CHUNK):
            text = decoder.decode(chunk)
            if any(ord(char) < 32 and char not in "\t\n\r\f" for char in text):
                return False
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        stream.seek(0)
    return True


def detect_file_type(stream: IO[bytes], filename: str = "") -> FileType | None:
    """What the bytes of `stream` are, or None if no known type. Text is told
    apart as CSV or plain text by the name's extension, since both are the
    same bytes."""
    head = _read_head(stream)
    for magic, kind in MAGIC_NUMBERS:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(ZIP_MAGIC):
        return _sniff_zip(stream)
    if head and _is_utf8_text(stream):
        return CSV if PurePath(filename).suffix.lower() == ".csv" else TXT
    return None


def _stream_of(file: File) -> IO[bytes]:
    if file.closed:
        file.open("rb")
    return file  # type: ignore[return-value]


@deconstructible
class UploadValidator:
    """Rejects files that are too large, of a type not in `allowed`, or
    whose extension does not fit their real content (a program renamed
    .pdf, an HTML page renamed .png)."""

    def __init__(
        self, *, allowed: Iterable[FileType] = DOCUMENT_TYPES, max_size: int = 20 * MB
    ) -> None:
        self.allowed = tuple(allowed)
        self.max_size = max_size

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, UploadValidator)
            and self.allowed == other.allowed
            and self.max_size == other.max_size
        )

    def __hash__(self) -> int:
        return hash((self.allowed, self.max_size))

    @property
    def allowed_extensions(self) -> list[str]:
        return sorted({ext for kind in self.allowed for ext in kind.extensions})

    def __call__(self, file: File) -> None:
        if file.size is not None and file.size > self.max_size:
            raise ValidationError(
                _("Die Datei ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s."),
                code="file_too_large",
                params={"size": filesizeformat(file.size), "limit": filesizeformat(self.max_size)},
            )
        if not file.size:
            raise ValidationError(_("Die Datei ist leer."), code="file_empty")
        name = PurePath(file.name or "").name
        kind = detect_file_type(_stream_of(file), name)
        if kind is None or kind not in self.allowed:
            raise ValidationError(
                _("Dieser Dateityp ist hier nicht erlaubt. Erlaubt sind: %(extensions)s."),
                code="file_type_not_allowed",
                params={"extensions": ", ".join(self.allowed_extensions)},
            )
        if PurePath(name).suffix.lower() not in kind.extensions:
            raise ValidationError(
                _(
                    "Der Inhalt der Datei passt nicht zu ihrer Endung. Die Datei ist "
                    "eine %(kind)s-Datei; bitte laden Sie sie mit der Endung %(extension)s hoch."
                ),
                code="file_extension_mismatch",
                params={"kind": kind.name.upper(), "extension": kind.extensions[0]},
            )
