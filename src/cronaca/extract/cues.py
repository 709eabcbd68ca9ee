"""A language's entity cues compiled for fast lookups: titles, stop words, given names,
organization heads, location prepositions (all from lang/<code>/titles.tsv, entity_cues.tsv)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from anyascii import anyascii

from cronaca.kb.fold import fold
from cronaca.kb.loader import demonyms, given_names
from cronaca.kb.matcher import PhraseMatcher
from cronaca.lang.loader import load_lang

MIN_COMPOUND_HEAD = 5  # shorter heads would end too many words


@dataclass(frozen=True)
class TitleMatch:
    start: int
    end: int
    position: str
    scope: str
    text: str


@dataclass(frozen=True, eq=False)  # hashed by identity: one per language, cached
class Cues:
    code: str
    title_matcher: PhraseMatcher[tuple[str, str]]
    titles: dict[str, tuple[str, str]]
    stop: frozenset[str]  # folded capitalised words that are not names
    given_names: frozenset[str]
    org_heads: frozenset[str]  # capitalised words that start organization names
    weekday_stems: tuple[str, ...]  # full weekday names: "Dienstagabend" starts with one
    compound_org_heads: tuple[str, ...]  # "...organisation" ends "Sicherheitsorganisation"
    org_nouns: frozenset[str]  # lower-case nouns before an organization's name
    place_heads: frozenset[str]  # capitalised words that start place names (Mar, Lake)
    org_tails: frozenset[str]  # capitalised words that end organization names (Press)
    place_tails: frozenset[str]  # capitalised words that end place names (Sea)
    location_preps: frozenset[str]
    location_heads: frozenset[str]  # nouns before "of <place>" (residenza, city)
    conjunctions: frozenset[str]
    document_heads: frozenset[str]  # nouns naming documents: piano, declaration, договор
    document_adjectives: frozenset[str]  # finale, joint
    document_preps: frozenset[str]  # per, for, о: open a document name's complement
    person_prefixes: frozenset[str]
    particles: frozenset[str]  # lower-case words inside names: de, van, von
    capitalized_nouns: bool  # every noun is capitalised (German): a capital says less
    connectors: frozenset[str]  # lower-case words inside organization names: of, degli, für
    surname_suffix: re.Pattern[str]
    demonyms: dict[str, str]  # adjective or demonym -> ISO code

    def is_given_name(self, word: str) -> bool:
        """A given name, in any script: "Томас" is looked up as "Tomas" too."""
        folded = fold(word)
        return folded in self.given_names or (
            not folded.isascii() and fold(anyascii(word)) in self.given_names
        )

    def find_titles(self, text: str, folded: str | None = None) -> list[TitleMatch]:
        return [
            TitleMatch(start, end, position, scope, text[start:end])
            for start, end, _, (position, scope) in self.title_matcher.find(text, folded)
        ]


def lowered(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


@cache
def load_cues(code: str) -> Cues:
    lang = load_lang(code)
    months_days = set(lang.months) | set(lang.weekdays)
    titles = {form: value for form, value in lang.titles.items()}
    suffixes = lang.word_list("surname_suffix")
    stop = lowered(lang.word_list("stop_capitalized")) | lowered(tuple(months_days))
    org_heads = lowered(lang.word_list("org_head"))
    place_heads = lowered(lang.word_list("place_head"))
    # the given-name list of the language, widened by a large multilingual one
    given = lowered(lang.word_list("given_name")) | (given_names() - stop - org_heads - place_heads)
    return Cues(
        code=code,
        title_matcher=PhraseMatcher(titles.items()),
        titles=titles,
        stop=stop,
        given_names=given,
        org_heads=org_heads,
        weekday_stems=tuple(fold(w) for w in lang.weekdays if len(w) >= MIN_COMPOUND_HEAD),
        compound_org_heads=tuple(h for h in org_heads if len(h) >= MIN_COMPOUND_HEAD),
        org_nouns=lowered(lang.word_list("org_noun")) | org_heads,
        place_heads=place_heads,
        org_tails=lowered(lang.word_list("org_tail")),
        place_tails=lowered(lang.word_list("place_tail")),
        location_preps=lowered(lang.word_list("location_prep")),
        location_heads=lowered(lang.word_list("location_head")),
        conjunctions=lowered(lang.word_list("conjunction")),
        document_heads=lowered(lang.word_list("document_head")),
        document_adjectives=lowered(lang.word_list("document_adjective")),
        document_preps=lowered(lang.word_list("document_prep")),
        person_prefixes=lowered(lang.word_list("person_prefix")),
        particles=lowered(lang.word_list("name_particle")),
        capitalized_nouns="capitalized_nouns" in lang.word_list("option"),
        connectors=lowered(lang.word_list("org_connector")),
        surname_suffix=re.compile(
            "(?:" + "|".join(re.escape(s) for s in suffixes) + ")$" if suffixes else "(?!)"
        ),
        demonyms=demonyms(),
    )
