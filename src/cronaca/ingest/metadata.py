"""Document metadata read from the text: headline, dateline, byline, outlet and date lines.

The line patterns and the words they use (month names, "di"/"by"/"par", "Pubblicato il"...)
are language data (`lang/xx/patterns.tsv`, `lang/<code>/metadata.tsv`). HTML markup metadata,
where present, comes first; the text fills what it lacks.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from cronaca.lang.loader import load_lang
from cronaca.lang.regex import TERMINAL, alternation, metadata_regexes
from cronaca.model import Document, Metadata

HEAD_LINES = 8  # metadata lines are looked for among the first ...
TAIL_LINES = 4  # ... and the last lines of the cleaned text
MAX_META_LINE = 160  # longer lines are body text, except datelines running into it
MAX_TITLE = 250
MAX_OUTLET_WORDS = 5
ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
NUMERIC = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")
TOKEN = re.compile(r"\w+")


class ReadMetadata:
    """Stage: fills `doc.meta` (title, source, authors, published, place)."""

    name: ClassVar[str] = "metadata"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset(
        {"doc.clean", "doc.meta.language", "doc.markup_meta"}
    )
    produces: ClassVar[frozenset[str]] = frozenset({"doc.meta"})

    def __call__(self, doc: Document) -> Document:
        found = read_metadata(doc.clean_text, doc.meta.language or "en")
        markup = doc.markup_meta or Metadata()
        doc.meta = Metadata(
            language=doc.meta.language,
            title=markup.title or found.title,
            source=markup.source or found.source,
            authors=markup.authors or found.authors,
            published=markup.published or found.published,
            place=found.place,
        )
        return doc


def read_metadata(text: str, language: str) -> Metadata:
    """Reads title, outlet, authors, date and dateline place from the text's lines."""
    regexes = metadata_regexes(language)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    head = lines[:HEAD_LINES]
    tail = lines[max(HEAD_LINES, len(lines) - TAIL_LINES) :]
    fields: dict[str, str] = {}
    dates: list[str] = []
    meta_lines: set[int] = set()
    byline_at: int | None = None
    for i, line in enumerate(head + tail):
        for name, pattern in regexes.lines:
            m = pattern.match(line)
            if m is None or (len(line) > MAX_META_LINE and not name.startswith("dateline")):
                continue
            groups = {k: v.strip(" *_/()") for k, v in m.groupdict().items() if v and v.strip()}
            if "date" in groups:
                dates.append(groups.pop("date"))
            for key, value in groups.items():
                fields.setdefault(key, value)
            if name == "byline" and i < len(head):
                byline_at = i
            meta_lines.add(i)
            break
    title = find_title(head, meta_lines, regexes.kicker)
    source = fields.get("source") or outlet_near_byline(head, byline_at, meta_lines, title)
    return Metadata(
        title=title,
        source=source,
        authors=split_names(fields.get("authors", ""), language),
        published=best_date(dates, regexes.months, language),
        place=fields.get("place"),
    )


def find_title(head: list[str], meta_lines: set[int], kicker: re.Pattern[str]) -> str | None:
    """The first line that is not a metadata line, its rubric ("Esteri - Asia:") removed."""
    for i, line in enumerate(head):
        if i in meta_lines:
            continue
        title = kicker.sub("", line, count=1).strip()
        return title if 0 < len(title) <= MAX_TITLE else None
    return None


def outlet_near_byline(
    head: list[str], byline_at: int | None, meta_lines: set[int], title: str | None
) -> str | None:
    """A short capitalised line just after or before the byline: the outlet's name."""
    if byline_at is None:
        return None
    for i in (byline_at + 1, byline_at - 1):
        if not 0 <= i < len(head) or i in meta_lines:
            continue
        line = head[i].strip(" *_")
        words = line.split()
        if (
            line
            and line != title
            and line[0].isupper()
            and len(words) <= MAX_OUTLET_WORDS
            and not line.endswith(tuple(TERMINAL))
        ):
            return line
    return None


def split_names(names: str, language: str) -> tuple[str, ...]:
    """ "Anna Rossi e Marco Bianchi" -> ("Anna Rossi", "Marco Bianchi")."""
    if not names:
        return ()
    conj = alternation(load_lang(language).word_list("conjunction"))
    return tuple(n.strip() for n in re.split(rf"\s*(?:,|&|{conj})\s*", names) if n.strip())


def parse_date(
    text: str, months: dict[str, int], language: str
) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a byline or dateline date, or None."""
    year: int | None
    if m := ISO.search(text):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := NUMERIC.search(text):
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        month_first = "mdy" in load_lang(language).word_list("date_order")
        day, month = (second, first) if month_first else (first, second)
    else:
        tokens = TOKEN.findall(text)
        month_at = next((i for i, t in enumerate(tokens) if t.lower() in months), None)
        if month_at is None:
            return None
        month = months[tokens[month_at].lower()]
        years = [int(t) for t in tokens if len(t) == 4 and t.isdigit() and 1900 <= int(t) <= 2100]
        days = [int(t) for t in tokens if t.isdigit() and len(t) <= 2 and 1 <= int(t) <= 31]
        if not days:
            return None
        year, day = (years[0] if years else None), days[0]
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return None
    return year, month, day


def best_date(dates: list[str], months: dict[str, int], language: str) -> str | None:
    """The first date that gives its year (a dateline may omit it; a byline rarely does)."""
    parsed = [p for p in (parse_date(d, months, language) for d in dates) if p]
    full = [p for p in parsed if p[0] is not None]
    if full:
        year, month, day = full[0]
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None
