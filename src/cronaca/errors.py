"""The exceptions cronaca raises.

CronacaError
 ├── InputError                 a file cannot become a document (one line, names the file)
 │    ├── UnreadableInputError   missing, a folder, no permission, a broken link
 │    ├── EmptyInputError        no bytes, or only white space
 │    ├── BinaryInputError       not text (NUL bytes, a PDF or image signature)
 │    ├── TooLargeInputError     over the size limit
 │    ├── UndecodableInputError  no common encoding fits
 │    └── UnsupportedFormatError a file type cronaca does not read
 ├── UnsupportedLanguageError   a language with no data folder
 └── StoreError                 the SQLite store cannot be used
"""

from __future__ import annotations


class CronacaError(Exception):
    """Base of every error cronaca raises on purpose."""


class InputError(CronacaError):
    """A file that cannot become a document; `reason` is one line for the user."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnreadableInputError(InputError):
    pass


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class TooLargeInputError(InputError):
    pass


class UndecodableInputError(InputError):
    pass


class UnsupportedFormatError(InputError):
    pass


class UnsupportedLanguageError(CronacaError):
    """A language cronaca has no data for; lists the supported ones."""

    def __init__(self, code: str, supported: tuple[str, ...]) -> None:
        super().__init__(f"unsupported language {code!r} (supported: {', '.join(supported)})")
        self.code = code
        self.supported = supported


class StoreError(CronacaError):
    """The store cannot be opened or written."""
