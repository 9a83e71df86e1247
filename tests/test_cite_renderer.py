"""A run's citations (issue 16): one Renderer per run gives exactly what render_citation gives,
renders each item and locator once whatever the quotation, and reads a style file once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quotecli import transcript
from quotecli.cite import FORMATS, Renderer, cache, engine, render_citation
from quotecli.cite.item import csl_item
from quotecli.cite.styles import styles_dir
from tests.conftest import BUNDLED

SEED = csl_item(transcript.load(BUNDLED))
QUOTES = [None, "", "Nous y allons.", "a | b {{x}} <ref> ''c''", "Ligne une.\n\nLigne deux *x*"]
STYLES = ["chicago-notes-bibliography", "apa", "modern-language-association", *FORMATS]


@pytest.mark.parametrize("style", STYLES)
def test_issue_16_renderer_equals_render_citation(tmp_path, style):
    renderer = Renderer(style=style)  # memory only; the reference goes through the disk cache
    for paragraph, timestamp in ((None, None), (4, None), (7, None), (4, "00:04:10")):
        for quote in QUOTES:
            args = dict(paragraph=paragraph, quote=quote, timestamp=timestamp)
            want = render_citation(SEED, style=style, cache_dir=tmp_path, **args)
            assert renderer.render(SEED, **args) == want, (paragraph, timestamp, quote)


@pytest.mark.parametrize("style", ["apa", "wikipedia", "markdown", "html"])
def test_issue_16_a_new_quotation_is_not_a_new_render(monkeypatch, style):
    calls = []
    real = engine.render
    monkeypatch.setattr(engine, "render", lambda *a, **k: calls.append(a) or real(*a, **k))
    renderer = Renderer(style=style)
    texts = {renderer.render(SEED, paragraph=4, quote=f"Phrase {n}.").text for n in range(20)}
    renderer.render(SEED, paragraph=5, quote="Phrase 0.")
    assert len(calls) == (0 if style == "wikipedia" else 2)  # paragraphs 4 and 5, once each
    if style != "apa":
        assert len(texts) == 20  # the quotation is still in every one of them


def test_issue_16_a_style_file_is_read_once_per_process(tmp_path, monkeypatch):
    style = tmp_path / "apa-copy.csl"
    style.write_bytes((Path(styles_dir()) / "apa.csl").read_bytes())
    reads = []

    def counted(path, *args, **kwargs):  # the cache's reads of a file, to hash its bytes
        reads.append(os.path.realpath(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(cache, "open", counted, raising=False)
    style = Path(os.path.realpath(style))
    for n in range(5):
        render_citation(SEED, style=str(style), paragraph=n, cache_dir=tmp_path / "c")
    assert reads.count(str(style)) == 1
    style.write_text(style.read_text().replace('initialize-with=". "', 'initialize-with="_"'))
    changed = render_citation(SEED, style=str(style), paragraph=1, cache_dir=tmp_path / "c")
    assert reads.count(str(style)) == 2 and "_" in changed.bibliography
    assert cache.file_digest(style) == cache.file_digest(style)


def test_issue_16_the_json_path_copies_nothing_and_shaping_changes_no_input():
    import json

    from quotecli.cite.shaping import shape

    before = json.dumps(SEED, sort_keys=True)
    for style in ("apa", "iso690-author-date-fr", "chicago-notes-bibliography"):
        shaped = shape(SEED, style, "en-US", paragraph=3)
        assert shaped.item is not SEED
    assert json.dumps(SEED, sort_keys=True) == before
    citation = Renderer(style="apa").render(SEED, paragraph=3)
    assert citation.to_json()["csl"] is citation.csl
