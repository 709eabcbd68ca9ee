"""Builds regular expressions from language data: word lists become alternations, and the
placeholders of pattern templates ({DATE}, {NAMES}, {BY}...) are filled per language."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from cronaca.lang.loader import LangData, load_lang, supported_languages

# Upper-case letters of the Latin and Cyrillic blocks (Python's re has no \p{Lu}).
UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper())
UP = f"[{re.escape(UPPER)}]"
TERMINAL = ".!?:;\"'»”“’…)"


def alternation(words: Iterable[str]) -> str:
    """A case-insensitive group matching any of `words`, longest first, at word edges."""
    forms = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not forms:
        return "(?!)"
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in forms)
    return rf"(?i:(?<!\w)(?:{body})(?!\w))"


def date_regex(lang: LangData, months: dict[str, int]) -> str:
    """Matches the date expressions of bylines and datelines (not free-text dates)."""
    month = alternation(months)
    weekday = alternation(lang.weekdays)
    join = alternation(lang.word_list("date_join"))
    day = r"\d{1,2}(?:°|º|er|\.)?"
    day_first = (
        rf"(?:{weekday}\.?,?\s+)?{day}\s+(?:{join}\s+)?{month}\.?(?:,?\s+(?:{join}\s+)?\d{{4}})?"
    )
    month_first = rf"(?:{weekday},?\s+)?{month}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    numeric = r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}"
    return rf"(?:{day_first}|{month_first}|{numeric})"


def names_regex(lang: LangData, months: dict[str, int]) -> str:
    """Matches one or more person names (two to four capitalised words each)."""
    not_date = rf"(?!{alternation(list(months) + list(lang.weekdays))})"
    word = rf"{not_date}{UP}[\w'’.-]*"
    particle = alternation(lang.word_list("name_particle"))
    name = rf"{word}(?:[ \t]+(?:{particle}[ \t]+)?{word}){{1,3}}"
    conj = alternation(lang.word_list("conjunction"))
    return rf"{name}(?:\s*(?:,|&|{conj})\s*{name})*"


@dataclass(frozen=True)
class MetadataRegexes:
    lines: tuple[tuple[str, re.Pattern[str]], ...]  # (name, pattern) in priority order
    kicker: re.Pattern[str]
    months: dict[str, int]


@cache
def metadata_regexes(code: str) -> MetadataRegexes:
    """The compiled metadata line patterns of a language."""
    lang = load_lang(code)
    # English month names are the lingua franca of web CMS dates ("nov 27, 2025" on an
    # Italian blog), so every language also reads them.
    months = {**load_lang("en").months, **lang.months} if code != "en" else lang.months
    fill = {
        "DATE": date_regex(lang, months),
        "NAMES": names_regex(lang, months),
        "BY": alternation(lang.word_list("byline")),
        "PUBLISHED": alternation(lang.word_list("published")),
        "AT": alternation(lang.word_list("at")),
        "PLACE": rf"{UP}[\w'’.-]*(?:[ -]{UP}[\w'’.-]*){{0,3}}",
        "UP": UP,
    }
    compiled = tuple((name, re.compile(expand(template, fill))) for name, template in lang.patterns)
    kicker = re.compile("|".join(expand(k, fill) for k in lang.word_list("kicker")) or "(?!)")
    return MetadataRegexes(compiled, kicker, months)


@dataclass(frozen=True)
class LineRegexes:
    """Language-independent line tests of the cleaning stage (which runs before language id)."""

    junk_start: re.Pattern[str]  # use with .match on a line stripped of leading space
    junk_anywhere: re.Pattern[str]  # use with .search
    page_footer: re.Pattern[str]  # "Pagina 1 di 2", "Page 3 of 4"
    byline: re.Pattern[str]  # "di Renato Narciso ...", "By Jane Doe": a line of its own
    dateline: re.Pattern[str]  # "Lunaria (Valdoria), 5 mar 2026 (...) -": starts a paragraph

    def is_junk(self, line: str) -> bool:
        return bool(
            self.junk_start.match(line)
            or self.junk_anywhere.search(line)
            or self.page_footer.match(line)
        )


@cache
def line_regexes() -> LineRegexes:
    """Line tests built from every supported language's data."""
    start: list[str] = []
    anywhere: list[str] = []
    footer: list[str] = []
    byline: list[str] = []
    months: set[str] = set()
    for code in supported_languages():
        lang = load_lang(code)
        page, page_of = alternation(lang.word_list("page")), alternation(lang.word_list("page_of"))
        footer.append(rf"{page}\s+\d+\s*(?:(?:{page_of}|/)\s*\d+)?\s*$")
        start.append(alternation(lang.word_list("boilerplate")))
        start.extend(lang.word_list("junk_start"))
        anywhere.extend(lang.word_list("junk"))
        byline.append(rf"{alternation(lang.word_list('byline'))}:?\s+{UP}\w+\s+{UP}")
        months |= set(lang.months)

    def union(parts: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in dict.fromkeys(parts)) or "(?!)")

    place = rf"{UP}[\w'’.-]*(?:[ -]{UP}[\w'’.-]*){{0,3}}"
    dateline = (
        rf"{place}(?:\s*\([^()\n]{{2,40}}\))?\s*[,–—-]\s*\d{{1,2}}\.?\s+{alternation(months)}"
        rf"|{place}\s*\([^()\n]{{2,40}}\)\s*[–—-]\s"
    )
    return LineRegexes(
        union(start), union(anywhere), union(footer), union(byline), re.compile(dateline)
    )


def expand(template: str, fill: dict[str, str]) -> str:
    """Replaces {NAME} placeholders; other braces (regex counts like {1,3}) stay."""

    def sub(m: re.Match[str]) -> str:
        return fill.get(m.group(1), m.group(0))

    return re.sub(r"\{([A-Z_]+)\}", sub, template)
