"""Every language folder is complete and well-formed; the loader refuses unknown languages."""

from __future__ import annotations

import re

import pytest

from cronaca.errors import UnsupportedLanguageError
from cronaca.lang.loader import LANG_DIR, REQUIRED_FILES, load_lang, supported_languages
from cronaca.lang.regex import metadata_regexes

FOLDERS = sorted(p for p in LANG_DIR.iterdir() if p.is_dir() and not p.name.startswith("_"))


def test_lang_supported_languages_are_the_six():
    assert supported_languages() == ("de", "en", "es", "fr", "it", "ru")


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_lang_data_files_have_a_header_with_source_licence_and_date(folder):
    for path in folder.glob("*.tsv"):
        head = "".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[:3]).lower()
        assert "licence" in head and re.search(r"\d{4}-\d{2}-\d{2}", head), path
        assert "source" in head or "generated" in head or "written for cronaca" in head, path


@pytest.mark.parametrize("code", supported_languages())
def test_lang_each_language_is_complete(code):
    assert all((LANG_DIR / code / name).exists() for name in REQUIRED_FILES)
    lang = load_lang(code)
    assert set(lang.months.values()) == set(range(1, 13))
    assert set(lang.weekdays.values()) == set(range(1, 8))
    for kind in ("byline", "published", "conjunction", "page", "boilerplate"):
        assert lang.word_list(kind), f"{code}: no {kind} words"
    assert metadata_regexes(code).lines  # every pattern compiles with this language's words


def test_lang_unknown_language_lists_the_supported_ones():
    with pytest.raises(
        UnsupportedLanguageError, match=r"'pt' \(supported: de, en, es, fr, it, ru\)"
    ):
        load_lang("pt")
