"""Case and accent folding that keeps lengths, so offsets in folded text are offsets in the
original ("Biškek" -> "biskek", "Лукашенко" -> "лукашенко", "’" -> "'")."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from anyascii import anyascii

APOSTROPHES = "’‘ʼ`´"


def _fold_char(c: str) -> str:
    low = c.lower()
    if len(low) != 1:
        return c
    base = unicodedata.normalize("NFKD", low)
    if len(base) > 1 and all(unicodedata.combining(x) for x in base[1:]):
        return base[0]
    return low


@cache
def fold_table() -> dict[int, str]:
    table = {cp: _fold_char(chr(cp)) for cp in range(0x41, 0x530)}
    table.update({cp: _fold_char(chr(cp)) for cp in range(0x1E00, 0x1F00)})
    table.update({ord(c): "'" for c in APOSTROPHES})
    table.update({ord("ё"): "е", ord("Ё"): "е"})
    return {k: v for k, v in table.items() if v != chr(k)}


def fold(text: str) -> str:
    """Lower-cased, accents removed, apostrophes unified; len(fold(t)) == len(t)."""
    return text.translate(fold_table())


# Transliteration variants that meet in one skeleton: Zhaparov = Japarov, Tokaev = Tokayev.
SKELETON_RULES = (
    (r"dzh|zh|dj", "j"),
    (r"kh", "h"),
    (r"sch|sh", "s"),  # Lukashenko = Lukašenko (the caron is gone by then)
    (r"tch|ch", "c"),
    (r"(?<=[aeiou])y(?=[aeiou])|(?<=[aeiou])i(?=[aeiou])", ""),
    (r"y", "i"),
    (r"w", "v"),
    (r"ck", "k"),
    (r"(.)\1", r"\1"),
)


def skeleton(name: str) -> str:
    """A spelling- and script-independent key for a name: Жапаров, Japarov and Zhaparov all
    give 'japarov'; Лукашенко and Lukašenko give 'lukashenko'."""
    text = anyascii(fold(name)).lower()
    text = re.sub(r"[^a-z ]+", " ", text)
    for pattern, repl in SKELETON_RULES:
        text = re.sub(pattern, repl, text)
    return " ".join(text.split())
