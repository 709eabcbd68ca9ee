"""Reads one file into a `Document`: size and type checks, decoding, HTML main-text extraction.

This is the I/O edge of ingestion; everything after it is a pure stage. Each refusal is an
`InputError` whose message is one line that names the file and says what to do.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from cronaca.config import HTML_SUFFIXES, Settings
from cronaca.errors import (
    BinaryInputError,
    EmptyInputError,
    TooLargeInputError,
    UndecodableInputError,
    UnreadableInputError,
    UnsupportedFormatError,
)
from cronaca.ingest.html import extract_html
from cronaca.model import DocFormat, Document

# Signatures of binary formats people are likely to drop into a news folder by mistake.
MAGIC = (
    (b"%PDF-", "a PDF file; ingest the text dumped from it (e.g. pdftotext)"),
    (b"PK\x03\x04", "a ZIP/Office file"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip-compressed; decompress it first"),
    (b"\x7fELF", "an executable"),
)
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Tried in order when the bytes are not UTF-8: the legacy encodings of the six languages.
LEGACY_ENCODINGS = ["cp1252", "iso8859_15", "cp1251", "koi8_r", "iso8859_5", "cp1250", "mac_roman"]
MAX_CHAOS = 0.2  # charset-normalizer's mess ratio above which a guess is refused
MAX_STRAY_BYTES = 16  # more invalid bytes than this in UTF-8 text: not UTF-8 after all


@dataclass(frozen=True)
class RawFile:
    """The bytes of one file and the name it will carry."""

    path: Path
    name: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def read_bytes(path: Path, name: str, settings: Settings) -> RawFile:
    """Reads a file's bytes after checking that it is a readable file within the size limit."""
    if path.suffix.lower() not in settings.suffixes:
        raise UnsupportedFormatError(
            str(path),
            f"unsupported file type {path.suffix or '(none)'!r} "
            f"(cronaca reads {', '.join(sorted(settings.suffixes))})",
        )
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise UnreadableInputError(str(path), "not a regular file")
        if size > settings.max_bytes:
            raise TooLargeInputError(
                str(path),
                f"file too large ({size / 1e6:.1f} MB, limit {settings.max_bytes / 1e6:.1f} MB; "
                "raise it with --max-size)",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    return RawFile(path, name, data)


def decode(raw: RawFile) -> tuple[str, str]:
    """Returns (text, encoding used). Raises Empty-, Binary- or UndecodableInputError."""
    data, where = raw.data, str(raw.path)
    if not data.strip():
        raise EmptyInputError(where, "empty file")
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(where, f"binary file: {what}")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UndecodableInputError(where, f"bad {encoding} after its BOM: {exc}") from exc
    if b"\x00" in data:
        raise BinaryInputError(where, "binary file: contains NUL bytes")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly_utf8 = decode_mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    return decode_legacy(data, where)


def decode_mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few stray bytes (a bad copy-paste): the stray bytes are read as cp1252,
    so nothing is lost. None when the bytes are not UTF-8 at heart."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if bad == 0 or multibyte < 2 * bad or bad > MAX_STRAY_BYTES:
        return None
    return data.decode("utf-8", errors="cronaca-cp1252"), f"utf-8 ({bad} stray bytes as cp1252)"


def decode_legacy(data: bytes, where: str) -> tuple[str, str]:
    """Picks the legacy encoding that reads cleanest, preferring LEGACY_ENCODINGS' order."""
    matches = list(from_bytes(data, cp_isolation=LEGACY_ENCODINGS))
    if not matches or min(m.chaos for m in matches) > MAX_CHAOS:
        raise UndecodableInputError(
            where,
            "undecodable: not UTF-8, and no common encoding fits "
            f"(tried {', '.join(LEGACY_ENCODINGS)}); convert it to UTF-8",
        )
    least_chaos = min(m.chaos for m in matches)
    calm = [m for m in matches if m.chaos <= least_chaos + 0.01]
    most_coherent = max(m.coherence for m in calm)
    fits = {m.encoding for m in calm if m.coherence >= most_coherent - 0.01}
    encoding = next((e for e in LEGACY_ENCODINGS if e in fits), sorted(fits)[0])
    text = data.decode(encoding)
    # charset-normalizer drops encodings that read the same; name the most common of them
    return text, next((e for e in LEGACY_ENCODINGS if same_decoding(data, e, text)), encoding)


def same_decoding(data: bytes, encoding: str, text: str) -> bool:
    try:
        return data.decode(encoding) == text
    except UnicodeDecodeError:
        return False


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="replace").replace("\ufffd", "?"), exc.end


codecs.register_error("cronaca-cp1252", _cp1252_fallback)


def read_document(raw: RawFile) -> Document:
    """Decodes a file and, for HTML, extracts its main text and markup metadata."""
    text, encoding = decode(raw)
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise BinaryInputError(str(raw.path), "binary file: contains NUL characters")
    if raw.path.suffix.lower() in HTML_SUFFIXES:
        main_text, markup_meta = extract_html(text, str(raw.path))
        return Document(
            name=raw.name,
            text=main_text,
            sha256=raw.sha256,
            format="html",
            encoding=encoding,
            path=str(raw.path),
            raw=text,
            markup_meta=markup_meta,
        )
    fmt: DocFormat = "markdown" if raw.path.suffix.lower() in {".md", ".markdown"} else "text"
    return Document(
        name=raw.name,
        text=text,
        sha256=raw.sha256,
        format=fmt,
        encoding=encoding,
        path=str(raw.path),
    )
