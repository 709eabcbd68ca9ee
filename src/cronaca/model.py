"""The records that travel between stages: the contract of the pipeline.

A `Document` enters the pipeline with its original text; stages add a cleaned view, metadata
and, in later stages, mentions, events, quotes and facts. Every extracted item carries `Span`s
into the original text, so it can be shown to a person in the words of its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from cronaca.extract.tokens import sentence_spans
from cronaca.ingest.offsets import MappedText
from cronaca.kb.fold import fold

EntityType = Literal["person", "organization", "country", "location", "document", "other"]
EventStatus = Literal["occurred", "planned", "proposed", "cancelled", "negated", "unknown"]
DocFormat = Literal["text", "markdown", "html", "pdf-text"]


@dataclass(frozen=True, slots=True)
class Span:
    """Code-point offsets [start, end) into a document's original text."""

    start: int
    end: int


@dataclass
class Metadata:
    """What a document says about itself."""

    language: str | None = None
    title: str | None = None
    source: str | None = None  # the outlet
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO date
    place: str | None = None  # the dateline's place


@dataclass
class Mention:
    """A stretch of text naming an entity (filled by the entity stage)."""

    span: Span  # in the original text
    text: str  # the name as it reads in the cleaned view (line breaks and hyphenation undone)
    entity_key: str
    entity_type: EntityType
    entity_name: str
    role: str | None = None  # for a person: the position code of the title beside the name
    clean_span: Span | None = None  # in the cleaned view, for later stages (not stored)


@dataclass
class Quote:
    """Words someone said: quoted (direct) or reported; speaker None where the text does not
    say who (never guessed)."""

    span: Span  # in the original text
    text: str
    direct: bool
    speaker_key: str | None = None
    speaker_role: str | None = None  # the speaker's position code, as stated beside the name
    date: str | None = None
    clean_span: Span | None = None  # in the cleaned view, for later stages (not stored)


@dataclass
class Event:
    key: str
    type: str
    spans: list[Span]
    date: str | None = None
    end_date: str | None = None
    location_key: str | None = None
    participant_keys: list[str] = field(default_factory=list)
    status: EventStatus = "unknown"
    attributes: dict[str, Any] = field(default_factory=dict)
    reference: bool = False  # named only as a point in time: a source of the event it names


@dataclass
class Fact:
    subject_key: str
    predicate: str
    spans: list[Span]
    object_key: str | None = None
    object_value: str | None = None
    qualifier: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    polarity: bool = True
    attributed_to_key: str | None = None


@dataclass
class Document:
    """One ingested article: its original text and everything the stages found in it."""

    name: str  # the id given at ingest: the path relative to the folder ingested
    text: str  # the text exactly as read (for HTML: the extracted main text); offsets refer here
    sha256: str  # of the bytes as read: the document's identity
    format: DocFormat
    encoding: str
    path: str | None = None
    raw: str | None = None  # the markup as read, for HTML
    markup_meta: Metadata | None = None  # what the HTML markup says about the page
    clean: MappedText | None = None
    meta: Metadata = field(default_factory=Metadata)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    # entities that facts refer to without a mention here ("il presidente russo": Russia)
    references: dict[str, tuple[EntityType, str]] = field(default_factory=dict)

    @property
    def clean_text(self) -> str:
        if self.clean is None:
            raise ValueError(f"{self.name}: the cleaning stage has not run")
        return self.clean.text

    @cached_property
    def clean_folded(self) -> str:
        """The cleaned view folded (case and accents removed, same length), once for all
        stages that match word lists."""
        return fold(self.clean_text)

    @cached_property
    def clean_sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence of the cleaned view, once for the facts and events
        stages."""
        return sentence_spans(self.clean_text)
