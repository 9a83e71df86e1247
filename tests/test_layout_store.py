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


def test_worker_processes_make_the_layouts_an_import_would(tmp_path):
    """A batch of ``POOL_FROM`` texts or more has its layouts made by worker processes (issue
    15): each the bytes and words the importing process makes, and what the library stores."""
    import os

    from quotecli import library
    from quotecli.library import workers

    texts = [p.read_text(encoding="utf-8") for p in FILES]
    texts = (texts * (workers.POOL_FROM // len(texts) + 1))[: workers.POOL_FROM]
    made = list(workers.layouts(texts))
    assert len(made) == len(texts)
    if len(os.sched_getaffinity(0)) < 2:
        assert made == [None] * len(texts)  # one core: the importing process makes them
        return
    assert workers._pool is not None and None not in made  # the pool ran
    for text, laid in zip(texts, made, strict=True):
        assert laid is not None
        blob, words = laid
        source = transcript.parse(text, "t.quote.txt")
        built = layout.build(source)
        assert (blob, words) == (layout.encode(built, source.text), built.words)
    assert list(workers.layouts(texts[:3])) == [None] * 3  # a few files: made in process
    # an import of the batch stores the workers' layouts, which the matcher then reads
    items = [
        library.Item(f"w{i}", text.replace(f'id = "{transcript.parse(text, "x").id}"',
                                           f'id = "w{i}"', 1), "quote")
        for i, text in enumerate(texts)
    ]  # fmt: skip
    lib = library.Library(tmp_path / "lib")
    lib.add(items, force=True)
    for item in items[:: len(items) // 4]:
        source = lib.load(item.id)
        assert lib.load_index(item.id).words == SourceIndex(source).words


def test_worker_layouts_come_in_order_and_a_stopped_import_leaves_no_work_queued():
    """The layouts stream in the texts' order as workers make them (an import writes each as
    it comes); a caller that stops early (its transaction failed) drops the pool, and the next
    batch starts a new one."""
    import os

    from quotecli.library import workers

    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("one core: layouts are made in process")
    texts = [p.read_text(encoding="utf-8") for p in FILES]
    texts = (texts * (workers.POOL_FROM // len(texts) + 1))[: workers.POOL_FROM]
    stream = workers.layouts(texts)
    first = next(stream)
    assert first == workers.lay_out(texts[0])
    stream.close()
    assert workers._pool is None
    again = list(workers.layouts(texts))
    assert again[-1] == workers.lay_out(texts[-1]) and None not in again
