"""The command line on a real SQLite file: ingest, re-ingest, versions, export, info."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from cronaca.cli import main
from cronaca.store.db import Store
from tests.conftest import EXAMPLES, EXAMPLES_METADATA


def test_cli_ingest_examples_then_again_adds_nothing(cli, db):
    first = cli("ingest", EXAMPLES)
    assert first.exit_code == 0, first.output
    n = len(EXAMPLES_METADATA)
    assert f"added {n}, unchanged 0, failed 0" in first.stdout
    again = cli("ingest", EXAMPLES)
    assert again.exit_code == 0
    assert f"added 0, unchanged {n}, failed 0" in again.stdout
    with Store(db) as store:
        assert store.counts()["documents"] == n


def test_cli_changed_file_is_a_new_version(cli, db, tmp_path):
    article = tmp_path / "in" / "note.txt"
    article.parent.mkdir()
    article.write_text(
        "Vertice a Lunaria\n\nIl consiglio di Valdoria si riunisce oggi a Lunaria "
        "per discutere il bilancio comune delle province.\n",
        encoding="utf-8",
    )
    assert cli("ingest", article.parent).exit_code == 0
    article.write_text(
        article.read_text(encoding="utf-8") + "Aggiornamento: la seduta è rinviata a domani.\n",
        encoding="utf-8",
    )
    result = cli("ingest", article.parent)
    assert "added 1, unchanged 0" in result.stdout
    ids = [d["id"] for d in json.loads(cli("export").stdout)["documents"]]
    assert ids == ["note.txt", "note.txt@v2"]


def test_cli_export_has_every_section_and_the_document_fields(cli, db, tmp_path):
    cli("ingest", EXAMPLES)
    out = tmp_path / "export.json"
    result = cli("export", "--format", "json", "-o", out)
    assert result.exit_code == 0, result.output
    export = json.loads(out.read_text(encoding="utf-8"))
    assert list(export) == ["documents", "entities", "events", "quotes", "facts", "conflicts"]
    by_id = {d["id"]: d for d in export["documents"]}
    for name, gold in EXAMPLES_METADATA.items():
        got = by_id[name]
        for field in ("language", "title", "published", "source", "authors"):
            assert got[field] == gold[field], (name, field)


def test_cli_db_option_and_environment_variable(tmp_path, monkeypatch):
    article = EXAMPLES / "en" / "sco-summit-wire.txt"
    monkeypatch.setenv("CRONACA_DB", str(tmp_path / "env.db"))
    assert CliRunner().invoke(main, ["ingest", str(article)]).exit_code == 0
    assert (tmp_path / "env.db").exists()
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "opt.db"), "ingest", str(article)])
    assert result.exit_code == 0
    assert (tmp_path / "opt.db").exists()


def test_cli_info_counts_documents_and_languages(cli):
    cli("ingest", EXAMPLES)
    result = cli("info")
    assert result.exit_code == 0
    assert f"documents  {len(EXAMPLES_METADATA)}" in result.stdout
    assert "it 2" in result.stdout and "ru 1" in result.stdout


def test_cli_export_without_a_store_says_what_to_do(cli):
    result = cli("export")
    assert result.exit_code == 1
    assert "no such store; create it with 'cronaca ingest'" in result.stderr


def test_cli_language_can_be_forced(cli, tmp_path):
    src = tmp_path / "x.txt"
    shutil.copy(EXAMPLES / "en" / "sco-summit-wire.txt", src)
    assert cli("ingest", "--language", "it", src).exit_code == 0
    assert json.loads(cli("export").stdout)["documents"][0]["language"] == "it"


def test_cli_help_lists_every_command():
    result = CliRunner().invoke(main, ["--help"])
    for command in ("ingest", "export", "info"):
        assert command in result.stdout


def test_python_api_exports_every_public_name():
    import types

    import cronaca

    public = {
        name
        for name, value in vars(cronaca).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and name != "annotations"
    }
    assert set(cronaca.__all__) == public
    assert cronaca.__all__ == sorted(cronaca.__all__)


def test_readme_documents_every_command():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for command in main.commands:
        assert re.search(rf"cronaca (?:--db \S+ )?{command}\b", readme), command


def test_cli_info_lists_the_most_mentioned_entities(cli):
    cli("ingest", EXAMPLES)
    result = cli("info")
    assert "most mentioned:" in result.stdout
    assert "Shanghai Cooperation Organisation (organization)" in result.stdout
