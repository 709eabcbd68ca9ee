"""Aho-Corasick automata over phrases: known names (one automaton over every alias of the
knowledge base) and per-language phrase lists such as titles, found in a text in one pass.

Matching is on folded text (case and accents removed, lengths kept), at word boundaries.
Phrases in capitals (CSTO, ОДКБ, US) match only as written; capitalised phrases only where the
text is capitalised too; lower-case phrases (titles, generic document names) in any case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Generic, TypeVar

import ahocorasick

from cronaca.kb.fold import fold
from cronaca.kb.loader import KBEntry, load_kb
from cronaca.lang.loader import lang_rows, supported_languages

MIN_ALIAS = 2
CYRILLIC = re.compile(r"^[\u0400-\u04ff-]+$")
TITLE_CASE_ACRONYM = 4  # acronyms this long are also written in title case (Nato, Brics)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    entry: KBEntry
    alias: str


@cache
def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class PhraseMatcher(Generic[T]):
    """Finds the longest phrases of a list in a text, without overlaps, each with its payload.
    For phrases that fold alike, the first given wins."""

    def __init__(self, phrases: Iterable[tuple[str, T]]) -> None:
        self.automaton = ahocorasick.Automaton()
        self.size = 0
        for phrase, payload in phrases:
            key = fold(phrase)
            if len(key) >= MIN_ALIAS and key not in self.automaton:
                self.automaton.add_word(key, (len(key), phrase, payload))
                self.size += 1
        if self.size:
            self.automaton.make_automaton()

    def find(self, text: str, folded: str | None = None) -> list[tuple[int, int, str, T]]:
        """(start, end, phrase, payload) of each match; `folded` is fold(text) if at hand."""
        if not self.size:
            return []
        folded = fold(text) if folded is None else folded
        found = []
        size = len(folded)
        for last, (length, phrase, payload) in self.automaton.iter(folded):
            start, end = last - length + 1, last + 1
            # whole words only: no letter, digit or hyphen just before or after (inlined: this
            # loop sees every hit inside words too, hundreds per article)
            if start > 0 and (folded[start - 1].isalnum() or folded[start - 1] == "-"):
                continue
            if end < size and (folded[end].isalnum() or folded[end] == "-"):
                continue
            surface = text[start:end]
            if is_acronym(phrase):
                if surface != phrase:
                    continue
            elif phrase[0].isupper() and not surface[0].isupper():
                continue
            found.append((start, end, phrase, payload))
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        kept: list[tuple[int, int, str, T]] = []
        for m in found:
            if not kept or m[0] >= kept[-1][1]:
                kept.append(m)
        return kept


class AliasMatcher:
    """Finds known names: the longest alias wins; for an alias two entries share, the entry
    that ranks first (a country before a city: "Armenia")."""

    def __init__(self, entries: Iterable[KBEntry]) -> None:
        best: dict[str, tuple[KBEntry, str]] = {}
        for entry in entries:
            names = (entry.name, *entry.aliases)
            if entry.type in ("location", "country"):
                names = (*names, *inflected(names))
            for alias in names:
                if len(alias) < MIN_ALIAS:
                    continue
                key = fold(alias)
                held = best.get(key)
                if (
                    held is None
                    or entry.rank < held[0].rank
                    or (held[0] is entry and is_acronym(held[1]) and not is_acronym(alias))
                ):  # "Brics" beside "BRICS": the capitalised spelling matches both
                    best[key] = (entry, alias)
        for key, (entry, alias) in best.items():
            if is_acronym(alias) and alias.isalpha() and len(alias) >= TITLE_CASE_ACRONYM:
                best[key] = (entry, alias.title())  # "BRICS" also as "Brics", "OSCE" as "Osce"
        self.phrases = PhraseMatcher((alias, entry) for entry, alias in best.values())
        self.size = self.phrases.size

    def find(self, text: str, folded: str | None = None) -> list[Match]:
        return [Match(s, e, entry, alias) for s, e, alias, entry in self.phrases.find(text, folded)]


@cache
def inflection_rules() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """(nominative ending, case endings, last letters it does not follow) of every language
    that has lang/<code>/inflections.tsv (Russian: Минск -> Минске, Москва -> Москвы)."""
    rules = []
    for code in supported_languages():
        for row in lang_rows(code, "inflections.tsv"):
            ending = "" if row[0] == "-" else row[0]
            rules.append((ending, tuple(row[1].split("|")), row[2] if len(row) > 2 else ""))
    return tuple(rules)


def inflected(names: tuple[str, ...]) -> list[str]:
    """Case forms of the one-word Cyrillic names of a place (the rules are Russian's)."""
    out = []
    for name in names:
        if " " in name or not name[-1:].isalpha() or not CYRILLIC.match(name):
            continue
        for ending, endings, not_after in inflection_rules():
            stem = name[: len(name) - len(ending)]
            if stem and name.endswith(ending) and stem[-1] not in not_after:
                out += [stem + e for e in endings]
    return out


@cache
def kb_matcher() -> AliasMatcher:
    """The matcher over the whole knowledge base (built once, ~0.3 s)."""
    return AliasMatcher(load_kb())
