"""Layouts stored at import (issue 16 item 2): the same index as one built from the text.

``matching.layout`` is the one serialisation of a source's folded words and sentences. A
stored layout must give a ``SourceIndex`` equal in every field to one computed from the text,
must refuse a text it was not made for, and is pinned by a digest to ``layout.VERSION``: a
change to folding or sentence splitting that changes any layout fails ``test_version_pin``
until ``VERSION`` is raised (then the libraries re-make theirs at ``quote library init``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from quotecli import transcript
from quotecli.library import bundled_dir
from quotecli.matching import layout
from quotecli.matching.index import SourceIndex

HERE = Path(__file__).resolve().parent
FILES = sorted(
    [*bundled_dir().glob("*.quote.txt"), *(HERE / "fixtures").rglob("*.quote.txt")],
    key=lambda p: str(p.relative_to(p.parents[1])),
)
# layout.VERSION → sha256 of the layouts of FILES, in order (their repr: not the deflated
# bytes, which another zlib may write otherwise)
PINNED = {
    1: "b966f5cdecddcd5084ae121c420455db0961b5e72105bb611d132f6fca57a5c2",
    # 2: contractions typed without apostrophe, numbers over several words, abbreviations
    # that are words; none of these fixtures holds one, so the digest is the same
    2: "b966f5cdecddcd5084ae121c420455db0961b5e72105bb611d132f6fca57a5c2",
}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_stored_layout_indexes_as_the_text_does(path):
    source = transcript.load(path)
    built = layout.build(source)
    stored = layout.decode(layout.encode(built, source.text), source.text)
    assert stored == built
    fresh, kept = SourceIndex(source), SourceIndex(source, stored)
    for field in ("words", "starts", "ends", "sentences", "sentence_of", "paragraph_spans",
                  "names", "vocab", "editorial", "windows_of"):  # fmt: skip
        assert getattr(kept, field) == getattr(fresh, field), field


def test_a_layout_is_refused_for_another_text():
    source = transcript.load(FILES[0])
    data = layout.encode(layout.build(source), source.text)
    assert layout.decode(data, source.text + " ") is None


def test_an_empty_source_round_trips():
    empty = layout.Layout([], [], [], [])
    assert layout.decode(layout.encode(empty, ""), "") == empty


def test_version_pin():
    digest = hashlib.sha256()
    for path in FILES:
        source = transcript.load(path)
        digest.update(repr(tuple(layout.build(source))).encode())
    assert PINNED.get(layout.VERSION) == digest.hexdigest(), (
        "the folded words or sentences of the fixtures changed: raise matching.layout.VERSION "
        "and pin the new digest here"
    )
