"""The `cronaca` command: a click group with one module per command group."""

from __future__ import annotations

from cronaca.cli.main import main

__all__ = ["main"]
