"""Facts: who is a member of what, who holds which post, who chairs what and since when,
capitals, places, suspensions, withdrawals, adoptions, bodies of organizations.

Each rule reads the entities of one sentence and the cue words of lang/<code>/facts.tsv. A
fact found inside someone's quote or reported statement is that speaker's claim
(`attributed_to`); a fact the text negates has polarity False. Every fact keeps its span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import ClassVar

from cronaca.extract.cues import Cues, TitleMatch, load_cues
from cronaca.ingest.metadata import parse_date
from cronaca.kb.fold import fold
from cronaca.kb.loader import KBEntry, kb_entries
from cronaca.kb.matcher import PhraseMatcher
from cronaca.lang.loader import load_lang
from cronaca.lang.regex import metadata_regexes
from cronaca.model import Document, EntityType, Fact, Mention, Quote, Span

MAX_TITLE_GAP_CHARS = 80  # from a title to the name it introduces
MAX_CHAIR_SUBJECT_CHARS = 40  # from the chairing country to "presidenza"
DEMONYM_BEFORE_TITLE = 25  # characters before a title where its country's adjective may stand
MIN_MEMBERS = 2  # a membership list names at least this many countries
MAX_MEMBER_ORG_CHARS = 40  # from "stati membri" to the organization after it
# posts held in an organization rather than a country
ORGANIZATION_POSTS = frozenset({"secretary_general", "official", "spokesperson"})
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class FactCues:
    phrases: PhraseMatcher[str]  # payload: the kind (membership_verb, chair_noun ...)
    since: frozenset[str]
    negation: frozenset[str]


@cache
def load_fact_cues(code: str) -> FactCues:
    lang = load_lang(code)
    kinds = (
        "membership_verb",
        "chair_noun",
        "capital_noun",
        "suspension_phrase",
        "withdrawal_phrase",
        "adopt_verb",
    )
    return FactCues(
        phrases=PhraseMatcher((form, kind) for kind in kinds for form in lang.word_list(kind)),
        since=frozenset(fold(w) for w in lang.word_list("since_prep")),
        negation=frozenset(fold(w) for w in lang.word_list("negation")),
    )


@dataclass
class Sentence:
    start: int
    end: int
    mentions: list[Mention]
    cues: list[tuple[int, int, str]]  # (start, end, kind) of fact cue words

    def of_type(self, *types: str) -> list[Mention]:
        return [m for m in self.mentions if m.entity_type in types]


class ExtractFacts:
    """Stage: fills `doc.facts` (and `doc.references` for entities a fact names only by an
    adjective, such as "russo")."""

    name: ClassVar[str] = "facts"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset(
        {"doc.clean", "doc.mentions", "doc.quotes", "doc.meta"}
    )
    produces: ClassVar[frozenset[str]] = frozenset({"doc.facts", "doc.references"})

    def __call__(self, doc: Document) -> Document:
        assert doc.clean is not None
        code = doc.meta.language or "en"
        reader = FactReader(doc, load_cues(code), load_fact_cues(code))
        doc.facts = reader.read()
        doc.references = reader.references
        return doc


class FactReader:
    """The rules, over one document."""

    def __init__(self, doc: Document, cues: Cues, fact_cues: FactCues) -> None:
        self.doc = doc
        self.text = doc.clean_text
        self.cues = cues
        self.fact_cues = fact_cues
        self.months = metadata_regexes(cues.code).months
        self.mentions = sorted(
            (m for m in doc.mentions if m.clean_span),
            key=lambda m: m.clean_span.start if m.clean_span else 0,
        )
        self.kb = kb_entries()
        self.references: dict[str, tuple[EntityType, str]] = {}
        self.facts: dict[tuple[str, str, str | None, str | None, bool], Fact] = {}

    def read(self) -> list[Fact]:
        folded = self.doc.clean_folded
        titles = self.cues.find_titles(self.text, folded)
        found = self.fact_cues.phrases.find(self.text, folded)
        for start, end in self.doc.clean_sentences:
            sentence = Sentence(
                start,
                end,
                [m for m in self.mentions if m.clean_span and start <= m.clean_span.start < end],
                [(s, e, kind) for s, e, _, kind in found if start <= s < end],
            )
            self.positions(sentence, titles)
            self.memberships(sentence)
            self.chairs(sentence)
            self.capitals(sentence)
            self.places(sentence)
            self.exits(sentence)
            self.adoptions(sentence)
        self.bodies()
        return list(self.facts.values())

    # ----- helpers ---------------------------------------------------------------------

    def add(
        self,
        subject: str,
        predicate: str,
        obj: str | None,
        start: int,
        end: int,
        qualifier: str | None = None,
        valid_from: str | None = None,
        polarity: bool = True,
    ) -> None:
        if obj is None or subject == obj:
            return
        key = (subject, predicate, obj, qualifier, polarity)
        span = (
            Span(*self.doc.clean.span_to_original(start, end))
            if self.doc.clean
            else Span(start, end)
        )
        if key in self.facts:
            fact = self.facts[key]
            fact.spans.append(span)
            fact.valid_from = fact.valid_from or valid_from
            return
        speaker = self.claimant(start)
        self.facts[key] = Fact(
            subject,
            predicate,
            [span],
            object_key=obj,
            qualifier=qualifier,
            valid_from=valid_from,
            polarity=polarity,
            attributed_to_key=speaker,
        )

    def claimant(self, pos: int) -> str | None:
        """The speaker whose quote or reported statement contains pos."""
        quote: Quote | None = next(
            (
                q
                for q in self.doc.quotes
                if q.clean_span and q.clean_span.start <= pos < q.clean_span.end
            ),
            None,
        )
        return quote.speaker_key if quote else None

    def country(self, key: str) -> str | None:
        """The country a mention stands for: a country, or a capital city (Mosca, Yerevan)."""
        if key.startswith("country:"):
            return key
        entry = self.kb.get(key)
        if entry is not None and entry.capital_of:
            return self.refer(f"country:{entry.capital_of}")
        return None

    def refer(self, key: str) -> str | None:
        """Keeps an entity that a fact names without a mention (from the knowledge base)."""
        entry: KBEntry | None = self.kb.get(key)
        if entry is None:
            return None
        if not any(m.entity_key == key for m in self.mentions):
            self.references[key] = (entry.type, entry.name)
        return key

    def demonym_country(self, start: int, end: int) -> str | None:
        """The country of the first adjective or demonym in text[start:end] ("russo")."""
        for w in WORD.finditer(self.text, start, end):
            iso = self.cues.demonyms.get(w.group(0).lower())
            if iso:
                return self.refer(f"country:{iso}")
        return None

    def nearest(self, mentions: list[Mention], pos: int, before: bool = True) -> Mention | None:
        spans = [
            m
            for m in mentions
            if m.clean_span
            and ((m.clean_span.end <= pos) if before else (m.clean_span.start >= pos))
        ]
        if not spans:
            return None
        return spans[-1] if before else spans[0]

    def negated(self, sentence: Sentence, pos: int) -> bool:
        head = self.text[sentence.start : pos]
        return any(fold(w) in self.fact_cues.negation for w in WORD.findall(head)[-4:])

    def cues_of(self, sentence: Sentence, kind: str) -> Iterator[tuple[int, int]]:
        return ((s, e) for s, e, k in sentence.cues if k == kind)

    # ----- rules --------------------------------------------------------------------------

    def positions(self, sentence: Sentence, titles: list[TitleMatch]) -> None:
        """position_held: "il viceministro degli Esteri armeno Mnatsakan Safaryan", "Sagynbek
        Abdumutalip, capo del dipartimento ... del capo dello Stato kirghiso". The country is
        an adjective or a country named with the title, else the knowledge base's."""
        for m in sentence.of_type("person"):
            if not m.role or not m.clean_span:
                continue
            start, end = m.clean_span.start, m.clean_span.end
            title = next(
                (
                    t
                    for t in reversed(titles)
                    if t.end <= start
                    and start - t.end <= MAX_TITLE_GAP_CHARS
                    and t.start >= sentence.start
                ),
                None,
            )
            lo, hi = (title.start, start) if title else (end, min(sentence.end, end + 120))
            # the adjective may stand before the title: "Swedish Foreign Minister", "der
            # polnische Außenminister"
            obj = self.demonym_country(max(sentence.start, lo - DEMONYM_BEFORE_TITLE), hi)
            if obj is None:
                named = [
                    x for x in sentence.mentions if x.clean_span and lo <= x.clean_span.start < hi
                ]
                country = next((c for c in (self.country(x.entity_key) for x in named) if c), None)
                org = next((x.entity_key for x in named if x.entity_type == "organization"), None)
                obj = country or (org if m.role in ORGANIZATION_POSTS else None)
            entry = self.kb.get(m.entity_key)
            if obj is None and entry is not None and entry.country:
                obj = self.refer(f"country:{entry.country}")
            self.add(
                m.entity_key, "position_held", obj, min(lo, start), max(hi, end), qualifier=m.role
            )

    def memberships(self, sentence: Sentence) -> None:
        """member_of: "La CSTO comprende Russia, Armenia, Bielorussia ...", "the member states
        of the GSSO, Orsenia, Valdoria and Karvia": a list of at least two countries."""
        for s, e in self.cues_of(sentence, "membership_verb"):
            orgs = sentence.of_type("organization")
            after = self.nearest(orgs, e, before=False)
            close = (
                after is not None
                and after.clean_span is not None
                and after.clean_span.start - e <= MAX_MEMBER_ORG_CHARS
            )
            org = after if close else self.nearest(orgs, s)
            if org is None or org.clean_span is None:
                continue
            members = [
                m
                for m in sentence.of_type("country")
                if m.clean_span and m.clean_span.start >= max(e, org.clean_span.end)
            ]
            if len(members) < MIN_MEMBERS:
                continue
            for m in members:
                self.add(
                    m.entity_key,
                    "member_of",
                    org.entity_key,
                    sentence.start,
                    sentence.end,
                    polarity=not self.negated(sentence, s),
                )

    def chairs(self, sentence: Sentence) -> None:
        """chair_of: "Mosca assumerà la presidenza della CSTO dal 1° gennaio 2026", "la
        presidenza kirghisa nella CSTO"."""
        for s, e in self.cues_of(sentence, "chair_noun"):
            before = [
                m
                for m in sentence.mentions
                if m.clean_span and s - MAX_CHAIR_SUBJECT_CHARS <= m.clean_span.end <= s
            ]
            subject = next(
                (c for c in (self.country(m.entity_key) for m in reversed(before)) if c), None
            ) or self.demonym_country(e, e + 20)
            orgs = sentence.of_type("organization")
            org = self.nearest(orgs, e, before=False) or self.nearest(orgs, s)
            if org is None:
                org = self.nearest([m for m in self.mentions if m.entity_type == "organization"], s)
            if subject is None or org is None:
                continue
            self.add(subject, "chair_of", org.entity_key, s, e, valid_from=self.since(sentence, e))

    def since(self, sentence: Sentence, pos: int) -> str | None:
        """The date after "dal"/"from" in the rest of the sentence, as an ISO date."""
        words = list(WORD.finditer(self.text, pos, sentence.end))
        for k, w in enumerate(words):
            if fold(w.group(0)) in self.fact_cues.since and k + 1 < len(words):
                parsed = parse_date(
                    self.text[words[k + 1].start() : sentence.end], self.months, self.cues.code
                )
                if parsed and parsed[0]:
                    year, month, day = parsed
                    return f"{year:04d}-{month:02d}-{day:02d}"
        return None

    def capitals(self, sentence: Sentence) -> None:
        """capital_of: "la capitale kirghisa" where the text names that capital."""
        for s, e in self.cues_of(sentence, "capital_noun"):
            country = self.demonym_country(e, e + 25)
            after = self.nearest(sentence.of_type("country"), e, before=False)
            if country is None and after is not None:
                country = after.entity_key
            if country is None:
                continue
            iso = country.split(":", 1)[1]
            for m in self.mentions:
                entry = self.kb.get(m.entity_key)
                if entry is not None and entry.capital_of == iso:
                    self.add(m.entity_key, "capital_of", country, s, e)
                    break

    def places(self, sentence: Sentence) -> None:
        """located_in: "la residenza di Ala-Archa a Bishkek"."""
        places = sentence.of_type("location")
        for a, b in pairwise(places):
            if not (a.clean_span and b.clean_span) or a.entity_key.startswith("region:"):
                continue
            between = self.text[a.clean_span.end : b.clean_span.start].strip().lower()
            if between in self.cues.location_preps and a.entity_key.startswith("place:"):
                self.add(
                    a.entity_key, "located_in", b.entity_key, a.clean_span.start, b.clean_span.end
                )

    def exits(self, sentence: Sentence) -> None:
        """participation_suspended, withdrawn_from: "Yerevan aveva sospeso la sua
        partecipazione alla CSTO", "l'Armenia si è ritirata dalla CSTO"."""
        for kind, predicate in (
            ("suspension_phrase", "participation_suspended"),
            ("withdrawal_phrase", "withdrawn_from"),
        ):
            for s, e in self.cues_of(sentence, kind):
                before = [
                    m
                    for m in sentence.mentions
                    if m.clean_span and sentence.start <= m.clean_span.end <= s
                ]
                subject = next(
                    (c for c in (self.country(m.entity_key) for m in reversed(before)) if c), None
                )
                orgs = sentence.of_type("organization")
                org = self.nearest(orgs, e, before=False) or self.nearest(orgs, s)
                if subject and org:
                    self.add(
                        subject,
                        predicate,
                        org.entity_key,
                        s,
                        e,
                        polarity=not self.negated(sentence, s),
                    )

    def adoptions(self, sentence: Sentence) -> None:
        """adopted: "i leader della CSTO hanno adottato un piano per lo sviluppo ..."."""
        for s, e in self.cues_of(sentence, "adopt_verb"):
            document = self.nearest(sentence.of_type("document"), e, before=False)
            orgs = sentence.of_type("organization")
            org = self.nearest(orgs, s) or self.nearest(orgs, e, before=False)
            if document and org:
                self.add(
                    org.entity_key,
                    "adopted",
                    document.entity_key,
                    s,
                    document.clean_span.end if document.clean_span else e,
                )

    def bodies(self) -> None:
        """part_of: a body named in the text belongs to its organization (knowledge base)."""
        for m in self.mentions:
            entry = self.kb.get(m.entity_key)
            if entry and entry.type == "organization" and entry.parent and m.clean_span:
                self.add(
                    m.entity_key,
                    "part_of",
                    self.refer(entry.parent),
                    m.clean_span.start,
                    m.clean_span.end,
                )
