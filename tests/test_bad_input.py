"""Bad input: each gets one line naming the file and the reason, the batch goes on, the exit
status is 1, and what the store held before is untouched."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cronaca.store.db import Store
from tests.conftest import EXAMPLES

GOOD = EXAMPLES / "en" / "sco-summit-wire.txt"
PORTUGUESE = (
    "Cimeira em Lisboa\n\nOs ministros dos Negócios Estrangeiros reuniram-se ontem em Lisboa "
    "para discutir a cooperação regional. O encontro terminou sem uma declaração conjunta, "
    "mas as delegações prometeram voltar a reunir-se no próximo mês, segundo fontes oficiais.\n"
)


def make_binary(p: Path) -> None:
    p.write_bytes(b"\x00\x01\x02\x03binary\x00data" * 50)


def make_pdf(p: Path) -> None:
    p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")


def make_empty(p: Path) -> None:
    p.write_bytes(b"")


def make_blank(p: Path) -> None:
    p.write_bytes(b"  \n\n\t \r\n")


def make_undecodable(p: Path) -> None:
    # random bytes without NUL: no encoding reads them as text
    import random

    rng = random.Random(3)
    p.write_bytes(bytes(rng.randrange(1, 256) for _ in range(4000)))


def make_too_large(p: Path) -> None:
    p.write_text("Lunaria news. " * 20_000, encoding="utf-8")  # ~280 kB


def make_portuguese(p: Path) -> None:
    p.write_text(PORTUGUESE, encoding="utf-8")


def make_dangling_link(p: Path) -> None:
    p.symlink_to(p.parent / "no-such-target.txt")


CASES = [
    ("binary.txt", make_binary, "binary file: contains NUL bytes"),
    ("scan.txt", make_pdf, "binary file: a PDF file; ingest the text dumped from it"),
    ("empty.txt", make_empty, "empty file"),
    ("blank.txt", make_blank, "empty file"),
    ("noise.txt", make_undecodable, "undecodable: not UTF-8, and no common encoding fits"),
    ("huge.txt", make_too_large, "file too large (0.3 MB, limit 0.1 MB; raise it with --max-size)"),
    (
        "noticia.txt",
        make_portuguese,
        "unsupported language 'pt' (supported: de, en, es, fr, it, ru",
    ),
    ("gone.txt", make_dangling_link, "cannot read: No such file or directory"),
]


def store_snapshot(db: Path) -> list[tuple[str, str]]:
    with Store(db) as store:
        assert store.integrity_check() == "ok"
        return [(d["id"], d["sha256"]) for d in store.iter_documents()]


@pytest.mark.parametrize(("name", "make", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_and_the_store_is_intact(cli, db, tmp_path, name, make, message):
    assert cli("ingest", EXAMPLES).exit_code == 0
    before = store_snapshot(db)
    batch = tmp_path / "batch"
    batch.mkdir()
    make(batch / name)
    (batch / "good.txt").write_bytes(GOOD.read_bytes() + b"\nA line that makes this copy new.\n")
    result = cli("ingest", "--max-size", "100k", batch)
    assert result.exit_code == 1
    failures = [line for line in result.stderr.splitlines() if line.startswith("cronaca: failed:")]
    assert failures == [f"cronaca: failed: {batch / name}: {message}"] or (
        len(failures) == 1 and failures[0].startswith(f"cronaca: failed: {batch / name}: {message}")
    )
    assert "added 1, unchanged 0, failed 1" in result.stdout
    after = store_snapshot(db)
    assert after[: len(before)] == before
    assert [doc_id for doc_id, _ in after[len(before) :]] == ["good.txt"]


def test_bad_input_missing_path_named_on_the_command_line(cli, tmp_path):
    missing = tmp_path / "nowhere.txt"
    result = cli("ingest", missing)
    assert result.exit_code == 1
    assert f"cronaca: failed: {missing}: cannot read: No such file or directory" in result.stderr


def test_bad_input_folder_named_like_a_file(cli, tmp_path):
    folder = tmp_path / "trap.txt"
    (folder / "inner").mkdir(parents=True)
    result = cli("ingest", tmp_path / "trap.txt")
    assert result.exit_code == 0  # a folder is walked; this one holds no articles
    assert "added 0, unchanged 0, failed 0" in result.stdout


def test_bad_input_unsupported_file_type_named_explicitly(cli, tmp_path):
    sheet = tmp_path / "table.csv"
    sheet.write_text("a,b\n1,2\n", encoding="utf-8")
    result = cli("ingest", sheet)
    assert result.exit_code == 1
    assert f"cronaca: failed: {sheet}: unsupported file type '.csv'" in result.stderr


def test_bad_input_legacy_encodings_are_read_and_named(cli, tmp_path):
    folder = tmp_path / "legacy"
    folder.mkdir()
    italian = (
        "Vertice a Lunaria\n\nIl presidente della Repubblica di Valdoria ha detto che la "
        "città è pronta: «Sì, è il momento», ha dichiarato ai giornalisti.\n"
    )
    (folder / "it-cp1252.txt").write_bytes(italian.encode("cp1252"))
    (folder / "it-stray.txt").write_bytes(italian.encode("utf-8") + b"Fine\xff.\n")
    assert cli("ingest", folder).exit_code == 0
    rows = {d["id"]: d for d in json.loads(cli("export").stdout)["documents"]}
    assert rows["it-cp1252.txt"]["encoding"] == "cp1252"
    assert rows["it-stray.txt"]["encoding"] == "utf-8 (1 stray bytes as cp1252)"
    assert rows["it-cp1252.txt"]["title"] == "Vertice a Lunaria"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_bad_input_unreadable_permissions(cli, tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("text", encoding="utf-8")
    locked.chmod(0)
    result = cli("ingest", locked)
    assert result.exit_code == 1
    assert "cannot read: Permission denied" in result.stderr
