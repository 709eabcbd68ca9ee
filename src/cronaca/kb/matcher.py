"""One Aho-Corasick automaton over every alias: finds known names in a text in one pass.

Matching is on folded text (case and accents removed, lengths kept), at word boundaries.
Aliases in capitals (CSTO, ОДКБ, US) match only as written; capitalised aliases only where the
text is capitalised too; lower-case aliases (generic document names) in any case.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import ahocorasick

from cronaca.kb.fold import fold
from cronaca.kb.loader import KBEntry, load_kb

MIN_ALIAS = 2
TITLE_CASE_ACRONYM = 4  # acronyms this long are also written in title case (Nato, Brics)


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    entry: KBEntry
    alias: str


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class AliasMatcher:
    """Finds the longest known names in a text, without overlaps."""

    def __init__(self, entries: Iterable[KBEntry]) -> None:
        best: dict[str, tuple[KBEntry, str]] = {}
        for entry in entries:
            for alias in (entry.name, *entry.aliases):
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
        self.automaton = ahocorasick.Automaton()
        for key, (entry, alias) in best.items():
            self.automaton.add_word(key, (len(key), entry, alias))
        self.automaton.make_automaton()
        self.size = len(best)

    def find(self, text: str) -> list[Match]:
        folded = fold(text)
        found: list[Match] = []
        for last, (length, entry, alias) in self.automaton.iter(folded):
            start, end = last - length + 1, last + 1
            if start > 0 and (folded[start - 1].isalnum() or folded[start - 1] == "-"):
                continue
            if end < len(text) and (folded[end].isalnum() or folded[end] == "-"):
                continue
            surface = text[start:end]
            if is_acronym(alias):
                if surface != alias:
                    continue
            elif alias[0].isupper() and not surface[0].isupper():
                continue
            found.append(Match(start, end, entry, alias))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Match] = []
        for m in found:
            if not kept or m.start >= kept[-1].end:
                kept.append(m)
        return kept


@cache
def kb_matcher() -> AliasMatcher:
    """The matcher over the whole knowledge base (built once, ~0.3 s)."""
    return AliasMatcher(load_kb())
