"""The closest passage by meaning (issue 13, ``matching.semantic``): real model, real outputs.

The ranker chooses which passage to show beside a "not found"; it never makes a phrase found.
Skipped only where the ``semantic`` extra is not installed (CI installs it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quotecli import library
from quotecli.search import Searcher, SearchOptions

semantic = pytest.importorskip("quotecli.matching.semantic")
if not semantic.available():
    pytest.skip("the semantic extra is not installed", allow_module_level=True)

BUNDLED = library.bundled_sources()
FERRARI = BUNDLED[0]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    return Searcher(BUNDLED, ranker=semantic.Ranker(tmp_path_factory.mktemp("cache")))


# English renderings of the French interview → the French sentence meant (its first words)
TRANSLATIONS = [
    ("We were not aware of Mistral's commercial negotiations with its partners",
     "Non, nous n'avions pas connaissance"),
    ("Microsoft's stake in Mistral is very much a minority one", "La participation de Microsoft"),
    ("I think it is great that a young French company has pulled off a partnership this big "
     "with Microsoft", "Ceci dit, je trouve formidable"),
]  # fmt: skip


@pytest.mark.parametrize("phrase, starts", TRANSLATIONS)
def test_an_english_phrase_shows_the_french_sentence_meant_and_is_not_found(
    searcher, phrase, starts
):
    res = searcher.search(phrase, SearchOptions())
    assert not res.found
    c = res.closest
    assert c is not None and c.by == "meaning"
    assert c.text.startswith(starts), c.text
    assert c.languages == ("en", "fr")
    assert FERRARI.text[c.start : c.end] == c.text  # verbatim, at its offsets
    assert c.speaker.name == "Marina Ferrari" and c.diff == ()
    assert "French" in c.reason and "English" in c.reason


def test_an_antonym_is_never_found_with_the_ranker(searcher):
    res = searcher.search(
        "La participation de Microsoft dans Mistral est très majoritaire", SearchOptions()
    )
    assert not res.found
    assert res.closest is not None and res.closest.text.startswith("La participation")


def test_a_near_verbatim_contradiction_keeps_the_word_diff(searcher):
    # the lexical closest passage is plainly the one meant: no model needed, the diff stays
    res = searcher.search(
        "Oui, nous avions connaissance des négociations commerciales de Mistral", SearchOptions()
    )
    assert not res.found and res.closest.by == "words" and "negation" in res.closest.critical


def test_found_phrases_are_the_same_with_and_without_the_ranker(searcher):
    plain = Searcher(BUNDLED)
    for phrase in ("alternative à OpenAI", "nous n'avions pas connaissance des négociations",
                   "le secret des affaires"):  # fmt: skip
        a, b = plain.search(phrase, SearchOptions()), searcher.search(phrase, SearchOptions())
        assert a.found and b.found
        assert [m.quote for m in a.matches] == [m.quote for m in b.matches]


def test_the_model_and_vectors_are_cached_and_a_damaged_cache_is_rebuilt(tmp_path):
    r = semantic.Ranker(tmp_path)
    v1 = r.vectors("x", ["Bonjour.", "Au revoir."])
    files = sorted(p.name for p in (tmp_path / "semantic").rglob("*") if p.is_file())
    assert any(f.endswith(".pickle") for f in files) and any(f.endswith(".npy") for f in files)
    for p in (tmp_path / "semantic").rglob("*.pickle"):
        p.write_bytes(b"not a pickle")
    r2 = semantic.Ranker(tmp_path)
    v2 = r2.vectors("x", ["Bonjour.", "Au revoir.", "Merci."])
    assert v2.shape == (3, 512) and abs(float(v1[0] @ v2[0]) - 1.0) < 1e-4


def test_json_of_a_process_labels_both_languages(tmp_path):
    env = dict(os.environ, QUOTE_HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "c"))
    run = subprocess.run(
        [sys.executable, "-m", "quotecli", "find", "--json",
         "Microsoft's stake in Mistral is very much a minority one"],
        capture_output=True, text=True, env=env, cwd=Path(__file__).parent,
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    closest = json.loads(run.stdout)["closest"]
    assert closest["by"] == "meaning"
    assert closest["languages"] == {"phrase": "en", "source": "fr"}
    assert closest["text"].startswith("La participation de Microsoft")
