"""Events: meetings, visits, agreements, statements, requests, proposals, membership and
office changes, exercises, accusations, with date, place, participants and status.

A word of lang/<code>/event_triggers.tsv names an event and its type; the sentence gives the
rest: its dates (normalised by extract/dates.py), a place, the people, countries and
organizations taking part, and the status (the trigger's own, a negation before it, a future
cue or a date after the article's: planned; else occurred). A statement becomes an event when
the text places it in time or space ("Il 24 novembre Ushakov aveva dichiarato"). Within a
document, a sentence that only refers back to an event ("All'incontro parteciperanno ...")
adds to it. The stage also dates each quote: the date its sentence gives, else the article's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import ClassVar

from cronaca.extract.cues import load_cues
from cronaca.extract.dates import DateMention, find_dates, parse_reference
from cronaca.kb.fold import fold
from cronaca.kb.loader import kb_entries
from cronaca.kb.matcher import PhraseMatcher
from cronaca.lang.loader import lang_rows, load_lang
from cronaca.model import Document, Event, EventStatus, Mention, Span

# SCHEMA.md: each type and its PLOVER event type (None: a speech act or an office change)
PLOVER: dict[str, str | None] = {
    "meeting": "CONSULT",
    "visit": "CONSULT",
    "statement": None,
    "agreement": "AGREE",
    "request": "REQUEST",
    "proposal": "SUPPORT",
    "membership": "RETREAT",
    "office": None,
    "military_exercise": "MOBILIZE",
    "accusation": "ACCUSE",
}
DATELINE_DAYS = 3  # an event this close to the article's date, placed nowhere, is at the dateline
# types whose events a later sentence names again ("All'incontro parteciperanno ...");
# memberships, requests, proposals, statements are each their own
REMENTIONED = frozenset({"meeting", "visit", "agreement"})
MERGE_SENTENCES = 2  # how far back a sentence that names an event again may refer
NEGATION_WORDS = 3  # how many words before a trigger a negation may stand
# event words that, inside someone's statement, refer to an event rather than report one
REFERENCED_IN_QUOTES = frozenset({"meeting", "agreement", "visit", "military_exercise"})
WORD = re.compile(r"\w+")
PARTICIPANT_TYPES = ("person", "country", "organization")


@dataclass(frozen=True)
class EventCues:
    triggers: PhraseMatcher[tuple[str, str]]  # payload: (type, status or "-")
    future: PhraseMatcher[int]
    negation: frozenset[str]
    document_count: frozenset[str]
    sign_words: frozenset[str]
    references: PhraseMatcher[int]  # "prima del", "after the": an event word used as a time


@cache
def load_event_cues(code: str) -> EventCues:
    lang = load_lang(code)
    rows = lang_rows(code, "event_triggers.tsv")
    return EventCues(
        triggers=PhraseMatcher((r[0], (r[1], r[2] if len(r) > 2 else "-")) for r in rows),
        future=PhraseMatcher((w, 0) for w in lang.word_list("future")),
        negation=frozenset(fold(w) for w in lang.word_list("negation")),
        document_count=frozenset(w.lower() for w in lang.word_list("document_count")),
        sign_words=frozenset(w.lower() for w in lang.word_list("sign_word")),
        references=PhraseMatcher((w, 0) for w in lang.word_list("event_reference")),
    )


@dataclass
class Found:
    type: str
    start: int  # the sentence, in the cleaned view
    end: int
    sentence: int
    date: DateMention | None
    location: str | None
    participants: list[str] = field(default_factory=list)
    status: EventStatus = "occurred"
    attributes: dict[str, int] = field(default_factory=dict)
    spans: list[tuple[int, int]] = field(default_factory=list)
    reference: bool = False


class ExtractEvents:
    """Stage: fills `doc.events` and dates `doc.quotes`."""

    name: ClassVar[str] = "events"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset(
        {"doc.clean", "doc.mentions", "doc.quotes", "doc.meta"}
    )
    produces: ClassVar[frozenset[str]] = frozenset(
        {"doc.events", "doc.quotes.date", "doc.references"}
    )

    def __call__(self, doc: Document) -> Document:
        assert doc.clean is not None
        code = doc.meta.language or "en"
        ref = parse_reference(doc.meta.published)
        text = doc.clean_text
        dates = find_dates(text, code, ref, doc.clean_folded)
        mentions = sorted(
            (m for m in doc.mentions if m.clean_span),
            key=lambda m: m.clean_span.start if m.clean_span else 0,
        )
        sentences = doc.clean_sentences
        date_quotes(doc, dates, sentences)
        found = read_events(doc, text, mentions, dates, sentences, load_event_cues(code), ref)
        events = []
        for i, f in enumerate(found):
            spans = [Span(*doc.clean.span_to_original(s, e)) for s, e in f.spans]
            events.append(
                Event(
                    key=f"ev{i + 1}",
                    type=f.type,
                    spans=spans,
                    date=f.date.value if f.date else None,
                    end_date=f.date.end_value if f.date else None,
                    location_key=f.location,
                    participant_keys=f.participants,
                    status=f.status,
                    attributes=dict(f.attributes),
                    reference=f.reference,
                )
            )
        doc.events = events
        known = {m.entity_key for m in doc.mentions} | set(doc.references)
        kb = kb_entries()
        for key in {k for ev in events for k in ev.participant_keys} - known:
            entry = kb[key]  # a country standing for its capital: from the knowledge base
            doc.references[key] = (entry.type, entry.name)
        return doc


def date_quotes(doc: Document, dates: list[DateMention], sentences: list[tuple[int, int]]) -> None:
    """A quote's date: the date its sentence gives before it ("Il 24 novembre Ushakov aveva
    dichiarato ..."), else the article's."""
    for q in doc.quotes:
        if q.clean_span is None:
            continue
        start = next((s for s, e in sentences if s <= q.clean_span.start < e), 0)
        before = [d for d in dates if start <= d.start and d.end <= q.clean_span.start]
        q.date = before[-1].value if before else doc.meta.published


def read_events(
    doc: Document,
    text: str,
    mentions: list[Mention],
    dates: list[DateMention],
    sentences: list[tuple[int, int]],
    cues: EventCues,
    ref: dt.date | None,
) -> list[Found]:
    folded = doc.clean_folded
    triggers = cues.triggers.find(text, folded)
    future = [s for s, *_ in cues.future.find(text, folded)]
    references = [e for _, e, *_ in cues.references.find(text, folded)]
    cues_ = load_cues(doc.meta.language or "en")
    preps = cues_.location_preps
    dateline = next(
        (
            m.entity_key
            for m in mentions
            if doc.meta.place and m.text == doc.meta.place and m.entity_type == "location"
        ),
        None,
    )
    outlet = {m.entity_key for m in mentions if doc.meta.source and m.text == doc.meta.source}
    named = {m.entity_key for m in mentions}
    place_words = preps | cues_.connectors | cues_.particles  # "a Bishkek", "di Bishkek"
    dateline_end = dateline_span_end(text, doc)
    found: list[Found] = []
    for n, (s, e) in enumerate(sentences):
        if doc.meta.title and text[s:e].strip() == doc.meta.title:
            continue  # the headline announces what the body reports
        here = [m for m in mentions if m.clean_span and s <= m.clean_span.start < e]
        seen_types: set[str] = set()
        for ts, te, _, (type_, status) in (t for t in triggers if s <= t[0] < e):
            quote = next(
                (
                    q.clean_span
                    for q in doc.quotes
                    if q.clean_span and q.clean_span.start <= ts < q.clean_span.end
                ),
                None,
            )
            if type_ in seen_types or (quote is not None and type_ in REFERENCED_IN_QUOTES):
                continue  # "ha detto che ... al vertice": the summit is reported elsewhere
            reference = any(ts - 2 <= r <= ts for r in references)  # "dopo il vertice"
            lo, hi = (quote.start, quote.end) if quote is not None else (s, e)
            scope = [m for m in here if m.clean_span and lo <= m.clean_span.start < hi]
            f = Found(
                type_,
                s,
                e,
                n,
                date_in(dates, lo, e, te),
                place_of(text, scope, preps, te),
                spans=[(s, e)],
            )
            f.reference = reference
            if type_ == "visit" and f.location is None:
                continue  # "sarà a" with no place after it is no visit
            if type_ == "request" and any(
                t[3][0] == "meeting" and te <= t[0] < e for t in triggers
            ):
                type_, status = "proposal", "proposed"  # "ha chiesto che si tenga un forum"
                f.type, f.status = type_, "proposed"
            seen_types.add(type_)
            actors = [m for m in scope if m.clean_span and m.clean_span.start >= dateline_end]
            f.participants = participants(text, actors, outlet, place_words, named)
            f.status = event_status(text, s, e, ts, status, future, f.date, ref, cues)
            f.attributes = counts(text, s, e, cues)
            found.append(f)
    found.extend(statements(doc, dates, sentences, mentions, preps, text))
    found.sort(key=lambda f: f.start)
    merged = merge_references(found)
    for f in merged:
        if (
            f.location is None
            and dateline
            and near(f.date, ref)
            and f.type in ("meeting", "visit", "agreement")
        ):
            f.location = dateline
    merged = merge_state_changes(merged)
    follow_on(merged)
    date_from_meetings(merged)
    # an event word with nothing around it (no date, place or participant) says too little
    return [f for f in merged if f.date or f.location or f.participants]


def participants(
    text: str, scope: list[Mention], outlet: set[str], preps: frozenset[str], named: set[str]
) -> list[str]:
    """People, countries and organizations taking part; a capital acting as its country
    ("Yerevan aveva sospeso la sua partecipazione"), if the text names that country."""
    kb = kb_entries()
    keys: list[str] = []
    for m in scope:
        key = m.entity_key
        if m.entity_type == "location":
            entry = kb.get(key)
            before = (
                WORD.findall(fold(text[max(0, m.clean_span.start - 12) : m.clean_span.start]))
                if m.clean_span
                else []
            )
            if entry is None or not entry.capital_of or (before and before[-1] in preps):
                continue
            key = f"country:{entry.capital_of}"
            if key not in named:
                continue
        elif m.entity_type not in PARTICIPANT_TYPES or key in outlet:
            continue
        if key not in keys:
            keys.append(key)
    return keys


def dateline_span_end(text: str, doc: Document) -> int:
    """Where the dateline ends ("Biškek (Kirghizistan) - 27 nov 2025 (Prima Pagina News)"):
    its place and country are the report's, not the event's participants."""
    if not (doc.meta.place and doc.meta.source):
        return 0
    place = text.find(doc.meta.place)
    source = text.find(doc.meta.source, max(place, 0))
    if place == -1 or source == -1 or "\n" in text[place:source]:
        return 0
    return source + len(doc.meta.source)


def place_of(text: str, scope: list[Mention], preps: frozenset[str], after: int) -> str | None:
    """Where an event is: the first place named after its word ("visitato ... la residenza di
    Ala-Archa"), else a place after a preposition ("a Bishkek")."""
    places = [
        m
        for m in scope
        if m.entity_type == "location" and m.clean_span and not m.entity_key.startswith("region:")
    ]
    following = [m for m in places if m.clean_span and m.clean_span.start >= after]
    if following:
        return following[0].entity_key
    return place_in(text, places, preps)


def follow_on(found: list[Found]) -> None:
    """A meeting, visit or signing told in the sentence after a dated and placed event, with
    no date or place of its own ("I leader hanno firmato 15 documenti"), happened then and
    there."""
    for before, f in pairwise(found):
        if (
            f.type in REMENTIONED
            and f.date is None
            and f.location is None
            and not f.reference
            and before.date
            and before.location
            and 0 < f.sentence - before.sentence <= 1
        ):
            f.date, f.location = before.date, before.location


def date_from_meetings(found: list[Found]) -> None:
    """An undated event at the place of a dated meeting ("non parteciperà al vertice di
    Bishkek") happens on the meeting's date."""
    meetings = {f.location: f.date for f in found if f.type == "meeting" and f.date and f.location}
    for f in found:
        if f.date is None and f.location in meetings and f.type in ("membership", "visit"):
            f.date = meetings[f.location]


def date_in(dates: list[DateMention], s: int, e: int, trigger_end: int) -> DateMention | None:
    inside = [d for d in dates if s <= d.start < e]
    after = [d for d in inside if d.start >= trigger_end]
    chosen = after or inside
    return chosen[0] if chosen else None


def place_in(text: str, here: list[Mention], preps: frozenset[str]) -> str | None:
    """A place the sentence puts something in: a location after a preposition ("a Bishkek")."""
    for m in here:
        if (
            m.entity_type != "location"
            or m.clean_span is None
            or m.entity_key.startswith("region:")
        ):
            continue
        before = WORD.findall(fold(text[max(0, m.clean_span.start - 12) : m.clean_span.start]))
        if before and before[-1] in preps:
            return m.entity_key
    return None


def event_status(
    text: str,
    s: int,
    e: int,
    trigger_start: int,
    status: str,
    future: list[int],
    date: DateMention | None,
    ref: dt.date | None,
    cues: EventCues,
) -> EventStatus:
    if status in ("planned", "proposed", "negated", "cancelled"):
        return status  # type: ignore[return-value]
    head = WORD.findall(fold(text[s:trigger_start]))[-NEGATION_WORDS:]
    if any(w in cues.negation for w in head):
        return "negated"
    if any(s <= f < e for f in future):
        return "planned"
    if date is not None and ref is not None and date.value > ref.isoformat():
        return "planned"
    return "occurred"


def counts(text: str, s: int, e: int, cues: EventCues) -> dict[str, int]:
    """ "Sono stati preparati 19 documenti": documents_prepared 19 (signed with a sign word)."""
    words = WORD.findall(text[s:e].lower())
    for k, w in enumerate(words[:-1]):
        if w.isdigit() and any(x in cues.document_count for x in words[k + 1 : k + 3]):
            signed = any(x in cues.sign_words for x in words)
            return {"documents_signed" if signed else "documents_prepared": int(w)}
    return {}


def near(date: DateMention | None, ref: dt.date | None) -> bool:
    if ref is None:
        return False
    if date is None:
        return True
    try:
        day = dt.date.fromisoformat(date.value)
    except ValueError:
        return False
    return abs((day - ref).days) <= DATELINE_DAYS


def statements(
    doc: Document,
    dates: list[DateMention],
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
    preps: frozenset[str],
    text: str,
) -> list[Found]:
    """Statements the text places in time or space: a date of their own before the quote
    ("Nel dicembre 2024, ha affermato") or a place ("a un forum ... a Varsavia")."""
    out = []
    seen: set[tuple[int, str]] = set()
    for q in doc.quotes:
        if q.clean_span is None or q.speaker_key is None:
            continue
        n, (s, e) = next(
            ((i, sp) for i, sp in enumerate(sentences) if sp[0] <= q.clean_span.start < sp[1]),
            (0, (0, 0)),
        )
        before = [
            d
            for d in dates
            if s <= d.start and d.end <= q.clean_span.start and d.value != doc.meta.published
        ]
        here = [
            m for m in mentions if m.clean_span and s <= m.clean_span.start < q.clean_span.start
        ]
        place = place_in(text, here, preps)
        if (before or place) and (n, q.speaker_key) not in seen:
            seen.add((n, q.speaker_key))
            f = Found(
                "statement",
                s,
                e,
                n,
                before[-1] if before else None,
                place,
                [q.speaker_key],
                spans=[(s, e)],
            )
            out.append(f)
    return out


def merge_state_changes(found: list[Found]) -> list[Found]:
    """Undated, unplaced membership changes of one country and organization in one article
    are one process told several times ("si è ritirata dalla CSTO" ... "aveva sospeso la
    sua partecipazione alla CSTO"): one event with every sentence as a source."""
    kept: list[Found] = []
    for f in found:
        if f.type == "membership" and f.date is None and f.location is None:
            same = next(
                (
                    p
                    for p in kept
                    if p.type == f.type
                    and p.date is None
                    and p.location is None
                    and p.status == f.status  # a denial stays beside what it denies
                    and len(set(p.participants) & set(f.participants)) >= 2
                ),
                None,
            )
            if same is not None:
                same.participants += [k for k in f.participants if k not in same.participants]
                same.spans += f.spans
                continue
        kept.append(f)
    return kept


def merge_references(found: list[Found]) -> list[Found]:
    """A sentence that names an event again without date or place ("All'incontro
    parteciperanno ...") adds its participants to the event of that type just before."""
    merged: list[Found] = []
    for f in found:
        previous = next((p for p in reversed(merged) if p.type == f.type), None)
        if (
            previous is not None
            and f.type in REMENTIONED
            and not f.reference
            and f.date is None
            and f.location is None
            and 0 < f.sentence - previous.sentence <= MERGE_SENTENCES
        ):
            previous.participants += [p for p in f.participants if p not in previous.participants]
            previous.spans += f.spans
            previous.sentence = f.sentence
            continue
        merged.append(f)
    return merged
