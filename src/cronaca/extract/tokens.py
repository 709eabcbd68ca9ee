"""Words with their offsets, sentence numbers, and the word-list tests entity rules share."""

from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]")
SENTENCE_END = frozenset(".!?;")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    sentence: int

    @property
    def capitalized(self) -> bool:
        """Starts with a capital and is not an acronym ("Putin", "Kassym-Jomart", not "CSTO")."""
        t = self.text
        return t[0].isupper() and (len(t) == 1 or not t.isupper())

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


def tokenize(text: str) -> list[Token]:
    """Tokens of a cleaned text; a new sentence starts after . ! ? ; and at line breaks."""
    tokens: list[Token] = []
    sentence = 0
    last_end = 0
    for m in TOKEN.finditer(text):
        if "\n" in text[last_end : m.start()]:
            sentence += 1
        tok = m.group(0)
        tokens.append(Token(m.start(), m.end(), tok, sentence))
        if tok in SENTENCE_END:
            sentence += 1
        last_end = m.end()
    return tokens
