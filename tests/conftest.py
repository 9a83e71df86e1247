"""Shared fixtures: the bundled interview, and a private QUOTE_HOME for every test."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from quotecli import library, transcript

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "la-tribune-2024-02-ferrari.txt"
BUNDLED = REPO / "data" / "la-tribune-2024-02-ferrari.quote.txt"


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory, monkeypatch):
    """Tests never read or write the user's real library, cache or clipboard settings."""
    home = tmp_path_factory.mktemp("quote-home")
    monkeypatch.setenv("QUOTE_HOME", str(home))
    for var in ("NO_COLOR", "FORCE_COLOR", "QUOTE_STYLE", "QUOTE_LIBRARY", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield home


@pytest.fixture(scope="session")
def seed_source() -> transcript.Source:
    return transcript.load(BUNDLED)


@pytest.fixture(scope="session")
def searcher():
    from quotecli.search import Searcher

    return Searcher(library.load_sources(None))


def quote_env(**extra) -> dict:
    """An environment for subprocesses: this one, with a private home and no colour forcing."""
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env.update(extra)
    return env


def pytest_terminal_summary(terminalreporter):
    """The blind table's closest-passage rate: a metric, never a failure (issue 13)."""
    mod = sys.modules.get("tests.test_blind_queries") or sys.modules.get("test_blind_queries")
    got = getattr(mod, "CLOSEST", None)
    if got:
        right = sum(got.values())
        terminalreporter.write_line(
            f"blind-3 closest passage right for {right}/{len(got)} refused rows"
        )
