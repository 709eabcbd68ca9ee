"""Dates in running text, normalised against the article's date, with their granularity.

Absolute ("il 24 novembre", "l'11 novembre 2026", "1° gennaio 2026", "March 12, 2026",
"14.10.2026"), partial ("nel dicembre 2024", "nel 2024"), ranges ("dal 25 al 27 novembre",
"vom 25. bis 27. November"), relative ("oggi", "il prossimo anno", "next month", "в следующем
году") and weekdays ("giovedì", "lunedì prossimo"). Month and weekday names come from CLDR
(lang/<code>/months.tsv, weekdays.tsv), the rest from lang/<code>/dates.tsv. A year-less date
takes the year that puts it nearest the article's date; a bare weekday is the last such day
on or before it, unless "prossimo"/"next" says the next one. Regular expressions built once
per language; no Duckling: its cost grows with the text (see research notes).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from cronaca.kb.matcher import PhraseMatcher
from cronaca.lang.loader import lang_rows, load_lang
from cronaca.lang.regex import metadata_regexes

DIGITS = re.compile(r"\d+")
WORD_START = re.compile(r"\b\w")
LOOK_BACK = 20  # characters before a trigger where a date expression may start
MIN_WEEKDAY = 5  # shorter weekday forms are abbreviations


@dataclass(frozen=True)
class DateMention:
    start: int  # in the text searched
    end: int
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    end_value: str | None = None  # the last day of a range
    grain: str = "day"  # day | month | year
    relative: bool = False


@dataclass(frozen=True)
class DatePatterns:
    regex: re.Pattern[str]
    triggers: PhraseMatcher[int]  # month and weekday names, relative expressions
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, tuple[str, int]]  # form -> (unit, offset)


def words(forms: object) -> str:
    """A group matching any of the forms (longest first), apostrophes either way."""
    ordered = sorted({f for f in forms if f}, key=lambda f: (-len(f), f))  # type: ignore[attr-defined]
    if not ordered:
        return "(?!)"
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+").replace("'", "['’]") for f in ordered)
    return rf"\b(?:{body})\b"


@cache
def date_patterns(code: str) -> DatePatterns:
    lang = load_lang(code)
    months = metadata_regexes(code).months  # the language's months, and English ones
    relative = {
        row[1].lower().replace("’", "'"): (row[2], int(row[3]))
        for row in lang_rows(code, "dates.tsv")
        if row[0] == "relative" and len(row) >= 4
    }
    month = words(months)
    # full weekday names only: abbreviations are words too ("Mar Grigio", "mer Grise")
    weekdays = {w: n for w, n in lang.weekdays.items() if len(w) >= MIN_WEEKDAY}
    weekday = words(weekdays)
    day = r"\b\d{1,2}(?:°|º|er|\.)?"
    join = words(lang.word_list("date_join"))
    range_from = words(lang.word_list("range_from"))
    range_to = words(lang.word_list("range_to"))
    year_prep = words(lang.word_list("year_prep"))
    y = r"(?:1[89]|20)\d\d"
    parts = {
        "range": rf"(?:{range_from}\s+)?(?P<d1>\d{{1,2}})(?:°|º|\.)?\s*(?:{range_to}|[-–])\s*"
        rf"(?P<d2>\d{{1,2}})(?:°|º|\.)?\s+(?:{join}\s+)?(?P<rm>{month})\.?"
        rf"(?:\s+(?:{join}\s+)?(?P<ry>{y}))?",
        "dmy": rf"(?:{weekday},?\s+)?(?P<d>{day})\s+(?:{join}\s+)?(?P<m>{month})\.?"
        rf"(?:,?\s+(?:{join}\s+)?(?P<y>{y}))?",
        "my": rf"(?P<m4>{month})\s+(?:{join}\s+)?(?P<y4>{y})\b",
        "mdy": rf"(?P<m2>{month})\.?\s+(?P<d3>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?"
        rf"(?:,?\s+(?P<y3>{y}))?",
        "iso": rf"{y}-\d\d-\d\d",
        "num": rf"(?P<nd>\d{{1,2}})[./](?P<nm>\d{{1,2}})[./](?P<ny>{y})",
        "year": rf"{year_prep}\s+(?P<y5>{y})(?![-–/.]\d)",
        "rel": words(relative),
        "wd": rf"(?P<wday>{weekday})(?:\s+(?P<next>{words(lang.word_list('next_word'))}))?",
    }
    regex = re.compile("|".join(f"(?P<k_{k}>{v})" for k, v in parts.items()), re.IGNORECASE)
    triggers = PhraseMatcher((w, 0) for w in [*months, *weekdays, *relative])
    return DatePatterns(regex, triggers, months, lang.weekdays, relative)


def find_dates(
    text: str, code: str, reference: dt.date | None, folded: str | None = None
) -> list[DateMention]:
    """Every date expression in text, normalised; relative ones need the reference date.

    The full pattern is tried only where a date can be: at a digit or a month, weekday or
    relative word (found by one automaton), starting up to two words before it ("dal 25",
    "nel dicembre"): a pattern tried at every position costs ~3 ms an article."""
    p = date_patterns(code)
    triggers = sorted(
        {m.start() for m in DIGITS.finditer(text)} | {s for s, *_ in p.triggers.find(text, folded)}
    )
    found: list[DateMention] = []
    done = 0
    for t in triggers:
        if t < done:
            continue
        starts = [w.start() for w in WORD_START.finditer(text, max(done, t - LOOK_BACK), t)]
        for start in [*starts[-2:], t]:
            m = p.regex.match(text, start)
            if m is not None and m.end() > t:
                mention = normalise(m, p, reference)
                if mention is not None:
                    found.append(mention)
                done = m.end()
                break
    return found


def normalise(m: re.Match[str], p: DatePatterns, ref: dt.date | None) -> DateMention | None:
    g = m.groupdict()
    s, e = m.start(), m.end()
    try:
        if g["k_range"]:
            month = p.months[g["rm"].lower().rstrip(".")]
            year = int(g["ry"]) if g["ry"] else nearest_year(month, int(g["d1"]), ref)
            if year is None:
                return None
            first = dt.date(year, month, int(g["d1"]))
            last = dt.date(year, month, int(g["d2"]))
            return DateMention(s, e, first.isoformat(), last.isoformat())
        if g["k_dmy"] or g["k_mdy"]:
            month = p.months[(g["m"] or g["m2"]).lower().rstrip(".")]
            day = int(re.sub(r"\D", "", g["d"] or g["d3"]))
            raw_year = g["y"] or g["y3"]
            year = int(raw_year) if raw_year else nearest_year(month, day, ref)
            if year is None:
                return None
            return DateMention(s, e, dt.date(year, month, day).isoformat())
        if g["k_my"]:
            month = p.months[g["m4"].lower().rstrip(".")]
            return DateMention(s, e, f"{int(g['y4']):04d}-{month:02d}", grain="month")
        if g["k_iso"]:
            return DateMention(s, e, dt.date.fromisoformat(g["k_iso"]).isoformat())
        if g["k_num"]:
            return DateMention(s, e, dt.date(int(g["ny"]), int(g["nm"]), int(g["nd"])).isoformat())
        if g["k_year"]:
            return DateMention(m.start("y5"), m.end("y5"), g["y5"], grain="year")
        if g["k_rel"] and ref is not None:
            unit, offset = p.relative[g["k_rel"].lower().replace("’", "'")]
            return relative_date(s, e, unit, offset, ref)
        if g["k_wd"] and ref is not None:
            weekday = p.weekdays[g["wday"].lower()]
            ahead = bool(g["next"])
            delta = (weekday - ref.isoweekday()) % 7
            day_ = (
                ref + dt.timedelta(days=delta or 7)
                if ahead
                else ref - dt.timedelta(days=(ref.isoweekday() - weekday) % 7)
            )
            return DateMention(s, e, day_.isoformat(), relative=True)
    except (ValueError, KeyError):
        return None
    return None


def relative_date(s: int, e: int, unit: str, offset: int, ref: dt.date) -> DateMention:
    if unit == "day":
        return DateMention(s, e, (ref + dt.timedelta(days=offset)).isoformat(), relative=True)
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + offset
        return DateMention(
            s, e, f"{index // 12:04d}-{index % 12 + 1:02d}", grain="month", relative=True
        )
    return DateMention(s, e, f"{ref.year + offset:04d}", grain="year", relative=True)


def nearest_year(month: int, day: int, ref: dt.date | None) -> int | None:
    """The year that puts a year-less date nearest the reference date."""
    if ref is None:
        return None
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append((abs((dt.date(year, month, day) - ref).days), year))
        except ValueError:
            continue
    return min(candidates)[1] if candidates else None


def parse_reference(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
