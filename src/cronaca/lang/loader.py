"""Loads per-language data files: `load_lang("it")` merges `lang/it/` over `lang/xx/`.

Every language folder holds the same files (months.tsv, weekdays.tsv, metadata.tsv; xx/ also
patterns.tsv). Lines starting with `#` are the header (source, licence, date) and comments.
Adding a language is adding a folder; nothing in the engine changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from cronaca.errors import UnsupportedLanguageError

LANG_DIR = Path(__file__).parent
SHARED = "xx"
# Files of `kind<TAB>value` rows, merged into LangData.words by kind.
WORD_FILES = ("metadata.tsv", "entity_cues.tsv", "speech.tsv", "facts.tsv", "dates.tsv")
REQUIRED_FILES = ("months.tsv", "weekdays.tsv", "titles.tsv", *WORD_FILES)


@dataclass(frozen=True)
class LangData:
    """What cronaca knows about one language, merged over the shared defaults."""

    code: str
    months: dict[str, int]
    weekdays: dict[str, int]
    words: dict[str, tuple[str, ...]]  # the rows of WORD_FILES, by kind
    patterns: tuple[tuple[str, str], ...] = field(default=())
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)  # form -> (position, scope)

    def word_list(self, kind: str) -> tuple[str, ...]:
        return self.words.get(kind, ())


def read_rows(path: Path) -> Iterator[list[str]]:
    """Yields the tab-separated fields of each data row of a TSV data file."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield line.split("\t")


def lang_rows(code: str, name: str) -> list[list[str]]:
    """The rows of one data file of a language, after those of xx/ (all columns)."""
    return [*read_rows(LANG_DIR / SHARED / name), *read_rows(LANG_DIR / code / name)]


@cache
def supported_languages() -> tuple[str, ...]:
    """The ISO 639-1 codes that have a complete data folder."""
    return tuple(
        sorted(
            p.name
            for p in LANG_DIR.iterdir()
            if p.is_dir() and p.name != SHARED and all((p / f).exists() for f in REQUIRED_FILES)
        )
    )


@cache
def load_lang(code: str) -> LangData:
    """The data of language `code`, merged over `xx/`. Raises UnsupportedLanguageError."""
    if code not in supported_languages():
        raise UnsupportedLanguageError(code, supported_languages())
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    words: dict[str, list[str]] = {}
    titles: dict[str, tuple[str, str]] = {}
    for folder in (LANG_DIR / SHARED, LANG_DIR / code):
        for form, number in read_rows(folder / "months.tsv"):
            months[form.lower()] = int(number)
        for form, number in read_rows(folder / "weekdays.tsv"):
            weekdays[form.lower()] = int(number)
        for row in (row for name in WORD_FILES for row in read_rows(folder / name)):
            kind, value = row[0], row[1]
            if kind == "month":  # a hand-kept month form: month <form> <number>
                months[value.lower()] = int(row[2])
            else:
                words.setdefault(kind, []).append(value)
        for row in read_rows(folder / "titles.tsv"):
            titles[row[0].lower()] = (row[1], row[2] if len(row) > 2 else "any")
    patterns = tuple((row[0], row[1]) for row in read_rows(LANG_DIR / SHARED / "patterns.tsv"))
    patterns += tuple((row[0], row[1]) for row in read_rows(LANG_DIR / code / "patterns.tsv"))
    return LangData(
        code=code,
        months=months,
        weekdays=weekdays,
        words={k: tuple(v) for k, v in words.items()},
        patterns=patterns,
        titles=titles,
    )
