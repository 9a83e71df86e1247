"""A source's folded words and sentence spans, computed once and stored (issue 16 item 2).

``Layout`` is what ``SourceIndex`` needs from folding and sentence splitting: every folded
word with its code-point span, and every sentence with its words, paragraph and turn. ``build``
computes it from a source (``folding.words`` over ``sentences.split``); ``encode`` and
``decode`` are its one serialisation, which a library stores beside each transcript at import
so that a query folds only the phrase.

``VERSION`` names the folding and sentence rules a stored layout was made with. A layout of
another version is never used: the library computes it again (``quote library init`` rewrites
the stale ones). ``tests/test_layout_store.py`` pins a digest of the layouts of the fixture
corpus to this number: a change to folding or sentence splitting that changes any layout fails
it until ``VERSION`` is raised. Nothing here knows about databases or scores.

The transcripts quote ships come with their layout made ahead (``shipped``, ``ship``: a file
``NAME.layout`` beside ``NAME.quote.txt``, this ``VERSION`` in its first byte), so a search of
the bundled interview folds only the phrase too; a stale or foreign file is ignored.
"""

from __future__ import annotations

import struct
import sys
import zlib
from array import array

from quotecli.records import NamedTuple
from quotecli.text import folding

TYPE_CHECKING = False
if TYPE_CHECKING:
    from quotecli.transcript import Source

VERSION = 2  # 2: contractions without apostrophe, numbers over several words, abbreviations
_HEADER = struct.Struct("<BIIII")  # format, text checksum, words, sentences, word bytes
_FORMAT = 1
_SWAP = sys.byteorder != "little"  # stored little-endian whatever the machine


class Sentence(NamedTuple):
    start: int
    end: int
    lo: int  # first word index
    hi: int  # one past the last word index
    paragraph: int
    turn: int


class Layout(NamedTuple):
    """Folded words (with their source spans) and sentences of one source, in reading order."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    sentences: list[Sentence]


def build(source: Source) -> Layout:
    """The layout of a source: its quotable paragraphs split into sentences and folded words."""
    from quotecli.text import sentences  # not on a plain search of what quote ships

    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    found: list[Sentence] = []
    text = source.text
    english = (source.language or "").startswith("en")  # "dont" is "don't" (folding)
    for t in source.turns:
        for p in t.paragraphs:
            for a, b in sentences.split(text, p.start, p.end):
                lo = len(words)
                got = folding.words(text[a:b], a, english)
                if got:
                    w, s, e = zip(*got, strict=True)
                    words += w
                    starts += s
                    ends += e
                found.append(Sentence(a, b, lo, len(words), p.number, t.index))
    return Layout(words, starts, ends, found)


SUFFIX = ".quote.txt"
SHIPPED = ".layout"


def shipped(source: Source) -> Layout | None:
    """The layout made ahead for a transcript that quote ships (``ship``); None when there is
    no such file, or it holds another ``VERSION`` or the layout of another text."""
    if not source.path.endswith(SUFFIX):
        return None
    try:
        with open(source.path[: -len(SUFFIX)] + SHIPPED, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    if data[:1] != bytes([VERSION]):
        return None
    try:
        return decode(data[1:], source.text)
    except (zlib.error, struct.error, UnicodeDecodeError):
        return None


def ship(source: Source) -> bytes:
    """What ``shipped`` reads: this ``VERSION``, then the source's layout (``encode``)."""
    return bytes([VERSION]) + encode(build(source), source.text)


def _ints(values) -> bytes:
    got = array("I", values)
    if _SWAP:
        got.byteswap()
    return got.tobytes()


def _unints(data: bytes) -> list[int]:
    got = array("I")
    got.frombytes(data)
    if _SWAP:
        got.byteswap()
    return got.tolist()


def _checksum(text: str) -> int:
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


def encode(layout: Layout, text: str) -> bytes:
    """The stored form of the layout of ``text``: a header (with the text's checksum), the
    words (space-separated UTF-8: a folded word holds no space), the spans and the sentences
    as little-endian 32-bit integers, deflated."""
    listed = " ".join(layout.words).encode()
    flat = [x for s in layout.sentences for x in s]
    body = (
        _HEADER.pack(
            _FORMAT, _checksum(text), len(layout.words), len(layout.sentences), len(listed)
        )
        + listed
        + _ints(layout.starts)
        + _ints(layout.ends)
        + _ints(flat)
    )
    return zlib.compress(body, 1)


def decode(data: bytes, text: str) -> Layout | None:
    """The layout stored for ``text`` (``encode``); None when it was made for another text
    (a transcript replaced or edited since) or in a form this quote does not know."""
    body = zlib.decompress(data)
    fmt, checksum, n, n_sent, n_bytes = _HEADER.unpack_from(body)
    if fmt != _FORMAT or checksum != _checksum(text):
        return None
    at = _HEADER.size
    words = body[at : at + n_bytes].decode().split(" ") if n else []
    at += n_bytes
    starts = _unints(body[at : at + 4 * n])
    at += 4 * n
    ends = _unints(body[at : at + 4 * n])
    at += 4 * n
    flat = _unints(body[at : at + 24 * n_sent])
    found = [Sentence(*flat[k : k + 6]) for k in range(0, len(flat), 6)]
    return Layout(words, starts, ends, found)
