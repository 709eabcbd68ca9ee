"""The cleaned view that extractors read, with an offset map back to the original text.

What it undoes: hard line breaks of PDF dumps (and the blank line pdftotext leaves after every
wrapped line), hyphenation across those breaks, junk lines (image srcsets, CDN URLs, page
footers, share buttons), markdown markers, soft hyphens and odd spaces, mojibake, and
non-NFC Unicode. What it keeps: every word and quotation mark as written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise
from typing import ClassVar

import ftfy
import ftfy.badness

from cronaca.ingest.offsets import MappedText, MappedTextBuilder
from cronaca.lang.regex import TERMINAL, line_regexes
from cronaca.model import Document

BLANK = " \t\r\u00a0\u200b\ufeff"
SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\t"), " ")
REMOVED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
URL = re.compile(r"(?:https?://|www\.)[^\s)\]]*|\S+\.(?:png|jpe?g|gif|webp|svg)\b\S*")
WORD = re.compile(r"\w+")
# UTF-8 read as cp1252/latin-1 leaves a lead byte letter before a continuation-byte character;
# a cheap test before ftfy's thorough (and ~1 ms per article) one.
MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00c5\u00d0\u00d1\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178"
    "\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
MARKDOWN_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
MARKDOWN_EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}(?=\S)|(?<=\S)\*{1,2}(?![\w*])")
TRAILING_HYPHEN = re.compile(r"(\w+)-$")
LEADING_WORD = re.compile(r"^(\w+)")
DROP_HYPHEN, KEEP_HYPHEN = "drop-hyphen", "keep-hyphen"

MAX_WRAP_WIDTH = 150  # lines of wrapped text are at most this long
MIN_WRAPPED_SHARE = 0.5  # share of line breaks that fall inside a sentence
SHORT_LINE = 0.7  # a wrapped line shorter than this share of the width ends a paragraph
MIN_TEXT_SHARE = 0.35  # lines with fewer letters than this, URLs removed, are junk


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # offsets into the original, white space trimmed
    end: int
    text: str
    blank_before: bool  # a blank or junk line came between this line and the previous one


class CleanText:
    """Stage: builds `doc.clean`, the cleaned view of `doc.text` with its offset map."""

    name: ClassVar[str] = "clean"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"doc.text", "doc.format"})
    produces: ClassVar[frozenset[str]] = frozenset({"doc.clean", "doc.format"})

    def __call__(self, doc: Document) -> Document:
        doc.clean, wrapped = clean_text(doc.text, markdown=doc.format == "markdown")
        if wrapped and doc.format == "text":
            doc.format = "pdf-text"
        return doc


def clean_text(text: str, markdown: bool = False) -> tuple[MappedText, bool]:
    """Returns the cleaned view of `text` and whether its lines were hard-wrapped."""
    lines = split_lines(text)
    wrapped = is_hard_wrapped(lines)
    joins = (
        line_joins(lines, text)
        if wrapped
        else ["\n\n" if b.blank_before else "\n" for b in lines[1:]]
    )
    fix_mojibake = bool(MOJIBAKE_HINT.search(text)) and ftfy.badness.is_bad(text)
    out = MappedTextBuilder(text)
    for i, line in enumerate(lines):
        join = joins[i] if i < len(joins) else None
        end = line.end - (join == DROP_HYPHEN)
        emit_line(out, text, line.start, end, markdown, fix_mojibake)
        if join is not None:
            out.replace("" if join in (DROP_HYPHEN, KEEP_HYPHEN) else join, end, lines[i + 1].start)
    return out.build(), wrapped


def split_lines(text: str) -> list[Line]:
    """Non-blank, non-junk lines with trimmed offsets."""
    lines: list[Line] = []
    tests = line_regexes()
    gap = after_footer = False
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        body = raw.strip(BLANK)
        footer = bool(body) and tests.page_footer.match(body) is not None
        # a running header in capitals next to a page footer ("AGENZIA DI STAMPA")
        header = after_footer and body.isupper()
        if footer and lines and lines[-1].text.isupper():
            lines.pop()
        after_footer = footer or (after_footer and not body)
        if not body or footer or header or tests.is_junk(body) or is_url_junk(body):
            gap = True
            continue
        lead = len(raw) - len(raw.lstrip(BLANK))
        trail = len(raw) - len(raw.rstrip(BLANK))
        lines.append(Line(start + lead, end - trail, body, gap))
        gap = False
    return lines


def is_url_junk(line: str) -> bool:
    """A long line made mostly of URLs and image parameters (a scraped srcset)."""
    if len(line) < 40 or "/" not in line:
        return False
    rest = URL.sub("", line)
    letters = sum(len(w) for w in WORD.findall(rest) if not w.isdigit())
    return letters < MIN_TEXT_SHARE * len(line)


def wrap_width(lines: list[Line]) -> int:
    lengths = sorted(len(line.text) for line in lines)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def is_hard_wrapped(lines: list[Line]) -> bool:
    """Lines cut at a fixed width, mostly inside sentences (PDF dumps, old mail)."""
    if len(lines) < 4 or wrap_width(lines) > MAX_WRAP_WIDTH:
        return False
    inside = sum(
        1 for a, b in pairwise(lines) if not a.text.endswith(tuple(TERMINAL)) or b.text[0].islower()
    )
    return inside >= MIN_WRAPPED_SHARE * (len(lines) - 1)


def ends_open(line: str) -> bool:
    """False when a line ends in a short lower-case word (an article or preposition: "del",
    "of", "und"), after which no paragraph ends."""
    last = line.rsplit(None, 1)[-1]
    return not (last.islower() and len(last) <= 3)


def line_joins(lines: list[Line], text: str) -> list[str]:
    """For wrapped text, what joins each line to the next: a paragraph break, a space, or
    nothing (a word hyphenated across the break, its hyphen dropped or kept)."""
    width = wrap_width(lines)
    vocabulary = {w.lower() for w in WORD.findall(text)}
    tests = line_regexes()
    joins = []
    for a, b in pairwise(lines):
        if (
            tests.byline.match(b.text)
            or tests.dateline.match(b.text)
            or (
                len(a.text) < SHORT_LINE * width
                and (
                    a.text.endswith(tuple(TERMINAL))
                    or (not b.text[0].islower() and ends_open(a.text))
                )
            )
        ):
            joins.append("\n\n")
            continue
        head, tail = TRAILING_HYPHEN.search(a.text), LEADING_WORD.match(b.text)
        if head is None or tail is None or not tail.group(1)[0].islower():
            joins.append(" ")
            continue
        joined = (head.group(1) + tail.group(1)).lower()
        # the same compound (or its stem: "militare-economica") written elsewhere on one line
        compound = f"{head.group(1)}-{tail.group(1)[:3]}".lower()
        if joined in vocabulary or compound not in text.lower():
            joins.append(DROP_HYPHEN)
        else:
            joins.append(KEEP_HYPHEN)
    return joins


def emit_line(
    out: MappedTextBuilder, text: str, start: int, end: int, markdown: bool, fix_mojibake: bool
) -> None:
    """Appends original[start:end], repaired token by token where needed."""
    segment = text[start:end]
    deletions = deletion_ranges(segment, markdown)
    if not deletions and not fix_mojibake and unicodedata.is_normalized("NFC", segment):
        out.copy(start, end, SPACES)
        return
    pos = 0
    for d_start, d_end in [*deletions, (len(segment), len(segment))]:
        emit_tokens(out, text, start + pos, start + d_start, fix_mojibake)
        out.replace("", start + d_start, start + d_end)
        pos = d_end


def deletion_ranges(segment: str, markdown: bool) -> list[tuple[int, int]]:
    """Ranges of a line to leave out: invisible characters and markdown syntax."""
    ranges = [(m.start(), m.end()) for m in re.finditer(f"[{REMOVED}]", segment)]
    if markdown:
        heading = MARKDOWN_HEADING.match(segment)
        if heading:
            ranges.append((0, heading.end()))
        for m in MARKDOWN_LINK.finditer(segment):
            ranges.append((m.start(), m.start(1)))
            ranges.append((m.end(1), m.end()))
        ranges.extend((m.start(), m.end()) for m in MARKDOWN_EMPHASIS.finditer(segment))
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for s, e in ranges:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def emit_tokens(
    out: MappedTextBuilder, text: str, start: int, end: int, fix_mojibake: bool
) -> None:
    """Copies a stretch, replacing tokens that need Unicode normalization or mojibake repair."""
    # split on plain spaces only: mojibake of "à" ends in a no-break space ("Ã\xa0")
    for m in re.finditer(r"[^ \n]+|[ \n]+", text[start:end]):
        t_start, t_end = start + m.start(), start + m.end()
        token = m.group(0)
        fixed = token
        if fix_mojibake and ftfy.badness.is_bad(token):
            fixed = ftfy.fix_text(token, uncurl_quotes=False, normalization="NFC")
        fixed = unicodedata.normalize("NFC", fixed.translate(SPACES))
        if fixed == token.translate(SPACES):
            out.copy(t_start, t_end, SPACES)
        else:
            out.replace(fixed, t_start, t_end)
