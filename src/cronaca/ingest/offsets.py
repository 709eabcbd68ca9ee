"""A text derived from an original, with a map from every derived offset back to the original.

The cleaned view that extractors read is built piece by piece from the original text; each
piece is either copied (one derived character per original character) or replaced (derived
text standing for an original range, such as a space for a line break). Offsets found in the
cleaned view are turned into offsets of the original with `to_original`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Piece:
    """Derived text [start, start+length) stands for original [orig_start, orig_end)."""

    start: int
    length: int
    orig_start: int
    orig_end: int

    @property
    def exact(self) -> bool:
        return self.orig_end - self.orig_start == self.length


class MappedText:
    """A derived text and its offset map; build it with `MappedTextBuilder`."""

    __slots__ = ("_starts", "pieces", "text")

    def __init__(self, text: str, pieces: list[Piece]) -> None:
        self.text = text
        self.pieces = pieces
        self._starts = [p.start for p in pieces]

    def _piece(self, offset: int) -> Piece | None:
        i = bisect_right(self._starts, offset) - 1
        return self.pieces[i] if i >= 0 else None

    def to_original(self, offset: int) -> int:
        """The original offset of the derived character at `offset` (a span start)."""
        piece = self._piece(offset)
        if piece is None:
            return 0
        inside = offset - piece.start
        if inside >= piece.length:  # past the end of the text
            return piece.orig_end
        return piece.orig_start + inside if piece.exact else piece.orig_start

    def to_original_end(self, end: int) -> int:
        """The original offset matching a derived span end (exclusive)."""
        if end <= 0:
            return 0
        piece = self._piece(end - 1)
        if piece is None:
            return 0
        inside = end - 1 - piece.start
        return piece.orig_start + inside + 1 if piece.exact else piece.orig_end

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Maps a derived span [start, end) to the original."""
        return self.to_original(start), self.to_original_end(end)


class MappedTextBuilder:
    """Appends copied and replaced pieces of `original`; `build()` gives the MappedText."""

    def __init__(self, original: str) -> None:
        self.original = original
        self._parts: list[str] = []
        self._pieces: list[Piece] = []
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def copy(self, start: int, end: int, table: Mapping[int, str] | None = None) -> None:
        """Appends original[start:end]; `table` may swap characters one for one (NBSP -> space)."""
        if end <= start:
            return
        text = self.original[start:end]
        if table is not None:
            text = text.translate(table)
            if len(text) != end - start:
                raise ValueError("a copy table must map one character to one character")
        self._append(text, start, end)

    def replace(self, text: str, orig_start: int, orig_end: int) -> None:
        """Appends `text` standing for original[orig_start:orig_end] (which may be empty)."""
        if text:
            self._append(text, orig_start, orig_end)

    def _append(self, text: str, orig_start: int, orig_end: int) -> None:
        last = self._pieces[-1] if self._pieces else None
        exact = orig_end - orig_start == len(text)
        if last is not None and exact and last.exact and last.orig_end == orig_start:
            self._pieces[-1] = Piece(last.start, last.length + len(text), last.orig_start, orig_end)
        else:
            self._pieces.append(Piece(self._length, len(text), orig_start, orig_end))
        self._parts.append(text)
        self._length += len(text)

    def build(self) -> MappedText:
        return MappedText("".join(self._parts), self._pieces)
