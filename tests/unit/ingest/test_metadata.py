import pytest

from cronaca.config import Settings
from cronaca.ingest.read import read_bytes, read_document
from cronaca.ingest.service import build_pipeline
from tests.conftest import EXAMPLES, EXAMPLES_METADATA


@pytest.mark.parametrize("name", sorted(EXAMPLES_METADATA))
def test_metadata_of_each_example(name):
    gold = EXAMPLES_METADATA[name]
    doc = build_pipeline(Settings())(read_document(read_bytes(EXAMPLES / name, name, Settings())))
    got = doc.meta
    assert got.language == gold["language"]
    assert got.title == gold["title"]
    assert got.source == gold["source"]
    assert list(got.authors) == gold["authors"]
    assert got.published == gold["published"]
    assert doc.encoding == gold["encoding"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Vertice a Lunaria\n\nLunaria, 3 marzo (Orsa) - Il testo.\n\ndi Anna Neri e Piero Blu 4 marzo 2026",
            "it",
            ("Vertice a Lunaria", "Orsa", ("Anna Neri", "Piero Blu"), "2026-03-04"),
        ),
        (
            "Gipfel in Nordheim\n\nVon Karl Brandt\n\nStand: 02.05.2026 10:00 Uhr\n\nNordheim (epd) - Text.",
            "de",
            ("Gipfel in Nordheim", "epd", ("Karl Brandt",), "2026-05-02"),
        ),
        (
            "Talks end\n\nBy Ann Lee and Bo Park\n\nPublished: 05/02/2026\n\nBody text here.",
            "en",
            ("Talks end", None, ("Ann Lee", "Bo Park"), "2026-05-02"),
        ),
    ],
)
def test_metadata_from_text_lines(text, language, expected):
    from cronaca.ingest.metadata import read_metadata

    meta = read_metadata(text, language)
    assert (meta.title, meta.source, meta.authors, meta.published) == expected
