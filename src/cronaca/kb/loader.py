"""Loads the knowledge-base data files (kb/data/*.tsv) into entries with keys and aliases.

Generated files (countries, cities) come from scripts/build_kb.py; curated ones
(organizations, people, documents, demonyms, country_aliases) are kept by hand. Each file
starts with a header naming its source, licence and date.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cronaca.lang.loader import read_rows
from cronaca.model import EntityType

DATA = Path(__file__).parent / "data"
# When two entries share an alias, the lower rank wins ("Armenia": the country, not the
# Colombian city; "Georgia": the country).
TYPE_RANK = {"country": 0, "organization": 1, "person": 2, "document": 3, "location": 4, "other": 5}


@dataclass(frozen=True)
class KBEntry:
    key: str
    type: EntityType
    name: str  # canonical, English where one exists
    aliases: tuple[str, ...]
    country: str | None = None  # ISO 3166 alpha-2: a city's or a person's country
    parent: str | None = None  # the organization a body belongs to
    position: str | None = None  # a person's position code
    population: int = 0
    capital_of: str | None = None  # for a capital city: its country's ISO code

    @property
    def rank(self) -> tuple[int, int]:
        return TYPE_RANK[self.type], -self.population


def split(field: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in field.split("|") if a.strip())


def column(row: list[str], i: int) -> str:
    return row[i] if len(row) > i else ""


@cache
def load_kb() -> tuple[KBEntry, ...]:
    """Every entry of every data file."""
    entries: list[KBEntry] = []
    extra: dict[str, tuple[str, ...]] = {}
    for row in read_rows(DATA / "country_aliases.tsv"):
        extra[row[0]] = extra.get(row[0], ()) + split(column(row, 1))
    for row in read_rows(DATA / "countries.tsv"):
        iso = row[0]
        entries.append(
            KBEntry(
                f"country:{iso}",
                "country",
                row[1],
                split(column(row, 2)) + extra.get(iso, ()),
                country=iso,
            )
        )
    for row in read_rows(DATA / "cities.tsv"):
        entries.append(
            KBEntry(
                f"city:{row[0]}",
                "location",
                row[2],
                split(column(row, 5)),
                country=row[1],
                population=int(row[3]),
                capital_of=row[1] if row[4] == "1" else None,
            )
        )
    for row in read_rows(DATA / "organizations.tsv"):
        key, parent, name = row[0], column(row, 2), row[3]  # row[1]: kind
        entries.append(
            KBEntry(
                f"org:{key}",
                "organization",
                name,
                split(column(row, 4)),
                parent=f"org:{parent}" if parent else None,
            )
        )
    for row in read_rows(DATA / "people.tsv"):
        entries.append(
            KBEntry(
                f"person:{row[0]}",
                "person",
                row[1],
                split(column(row, 2)),
                position=column(row, 3) or None,
                country=column(row, 4) or None,
                parent=f"org:{row[5]}" if column(row, 5) else None,
            )
        )
    for row in read_rows(DATA / "regions.tsv"):
        entries.append(KBEntry(f"region:{row[0]}", "location", row[1], split(column(row, 2))))
    for row in read_rows(DATA / "documents.tsv"):
        entries.append(KBEntry(f"doc:{row[0]}", "document", row[1], split(column(row, 2))))
    return tuple(entries)


@cache
def kb_entries() -> dict[str, KBEntry]:
    """Every entry by key."""
    return {e.key: e for e in load_kb()}


@cache
def given_names() -> frozenset[str]:
    """~45,000 folded given names of many countries, read from the data file that the
    gender-guesser package ships (Jörg Michael's nam_dict.txt, GNU FDL); not copied here."""
    from importlib.resources import files

    from cronaca.kb.fold import fold

    names = set()
    data = files("gender_guesser").joinpath("data/nam_dict.txt")
    with data.open(encoding="iso-8859-1") as fh:
        for line in fh:
            if line.startswith(("#", "=")) or len(line) < 30:
                continue
            name = line[3:29].strip()
            for variant in (name.replace("+", " "), name.replace("+", "-")):
                names.add(fold(variant))
    return frozenset(names)


@cache
def demonyms() -> dict[str, str]:
    """Country adjective or demonym (as written) -> ISO code: "russo" -> "RU"."""
    out: dict[str, str] = {}
    for row in read_rows(DATA / "demonyms.tsv"):
        for form in split(column(row, 2)):
            out.setdefault(form.lower(), row[0])
    return out
