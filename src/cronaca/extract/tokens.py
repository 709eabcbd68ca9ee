"""Words with their offsets, sentence numbers, and the word-list tests entity rules share."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from cronaca.kb.fold import fold

TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]")
SENTENCE_END = frozenset(".!?;")


@dataclass(slots=True)  # not frozen: frozen construction costs twice as much, per token
class Token:
    start: int
    end: int
    text: str
    sentence: int
    folded: str  # case and accents removed (kb.fold), computed once
    capitalized: bool  # starts with a capital and is no acronym ("Putin", not "CSTO")

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


def tokenize(text: str, folded: str | None = None) -> list[Token]:
    """Tokens of a cleaned text; a new sentence starts after . ! ? ; and at line breaks.
    `folded` is fold(text), if at hand."""
    folded = fold(text) if folded is None else folded
    tokens: list[Token] = []
    sentence = 0
    last_end = 0
    for m in TOKEN.finditer(text):
        start, end = m.span()
        if text.find("\n", last_end, start) != -1:
            sentence += 1
        tok = m.group(0)
        capitalized = tok[0].isupper() and (len(tok) == 1 or not tok.isupper())
        tokens.append(Token(start, end, tok, sentence, folded[start:end], capitalized))
        if tok in SENTENCE_END:
            sentence += 1
        last_end = end
    return tokens


def token_range(tokens: list[Token], start: int, end: int) -> range:
    """Indices of the tokens that start inside [start, end) of the text (tokens are sorted)."""
    lo = bisect_left(tokens, start, key=lambda t: t.start)
    hi = bisect_left(tokens, end, key=lambda t: t.start)
    return range(lo, hi)


ORDINAL_END = re.compile(r"(?:^|\D)\d{1,2}\.$")
SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+(?=[^\s])|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split after . ! ? ; followed by space, and at line
    breaks (a rough splitter: abbreviations split too)."""
    spans = []
    start = 0
    for m in SENTENCE_BREAK.finditer(text):
        if ORDINAL_END.search(text, max(0, m.start() - 4), m.start()):
            continue  # "am 24. November": a German ordinal, not a sentence end
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans
