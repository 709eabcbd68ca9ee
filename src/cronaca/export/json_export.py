"""The JSON export of ../shared/eval/SCHEMA.md, written as a stream so memory stays flat."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from cronaca.store.db import Store


def sections(store: Store) -> dict[str, Iterator[dict[str, Any]]]:
    """The export's sections in order, each a lazy stream of rows."""
    return {
        "documents": store.iter_documents(),
        "entities": store.iter_entities(),
        "events": store.iter_events(),
        "quotes": store.iter_quotes(),
        "facts": store.iter_facts(),
        "conflicts": store.iter_conflicts(),
    }


def write_json(store: Store, out: TextIO) -> dict[str, int]:
    """Writes every section (empty ones too) to `out`; returns the count per section."""
    counts: dict[str, int] = {}
    out.write("{")
    for i, (section, rows) in enumerate(sections(store).items()):
        out.write(f'{"," if i else ""}\n  "{section}": [')
        n = 0
        for row in rows:
            out.write(("," if n else "") + "\n    " + json.dumps(row, ensure_ascii=False))
            n += 1
        out.write("\n  ]" if n else "]")
        counts[section] = n
    out.write("\n}\n")
    return counts
