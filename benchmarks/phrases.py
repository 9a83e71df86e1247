"""Phrases for the benchmarks: the query tables, and distinct phrases made from the transcript.

``tables()`` are the rows of tests/queries/ (324 phrases, what bench_batch repeats).
``distinct(n)`` makes ``n`` different phrases the way people mistype them, from the bundled
interview's own words: a run of 3-16 words of one paragraph, then none, one or two of: a typo,
a dropped word, two neighbours exchanged, a word from elsewhere put in, accents taken off,
lower case. The same seed gives the same phrases, so two trees are asked the same thing; a batch
of them measures what a phrase memo cannot help (each phrase is new).

    .venv/bin/python benchmarks/phrases.py 5000 > /tmp/phrases.txt
"""

from __future__ import annotations

import csv
import random
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "la-tribune-2024-02-ferrari.quote.txt"


def tables() -> list[str]:
    """The phrases of tests/queries/*.tsv, in file order."""
    out = []
    for table in sorted((ROOT / "tests" / "queries").glob("*.tsv")):
        with table.open(encoding="utf-8") as f:
            out += [row["query"] for row in csv.DictReader(f, delimiter="\t")]
    return out


def _paragraphs() -> list[list[str]]:
    text = BUNDLED.read_text(encoding="utf-8")
    body = text.split("\n+++\n", 1)[-1]
    out = []
    for line in body.splitlines():
        if line.startswith(":::"):
            continue
        # a turn's label ("MARINA FERRARI - ", "Q: ") is not what people quote
        line = re.sub(r"^[^a-zà-ÿ]{2,40}(?: - |: )", "", line.strip())
        words = line.split()
        if len(words) >= 3:
            out.append(words)
    return out


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    k = rng.randrange(1, len(word))
    return rng.choice([word[:k] + word[k + 1 :], word[:k] + word[k] + word[k:],
                       word[: k - 1] + word[k] + word[k - 1] + word[k + 1 :]])  # fmt: skip


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def distinct(n: int, seed: int = 16) -> list[str]:
    """``n`` different phrases from the bundled interview, some mistyped (deterministic)."""
    rng = random.Random(seed)
    paragraphs = _paragraphs()
    vocab = sorted({w for p in paragraphs for w in p})
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        para = rng.choice(paragraphs)
        size = rng.randint(3, min(16, len(para)))
        at = rng.randrange(0, len(para) - size + 1)
        words = para[at : at + size]
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            k = rng.randrange(len(words))
            change = rng.randrange(5)
            if change == 0:
                words[k] = _typo(words[k], rng)
            elif change == 1 and len(words) > 3:
                del words[k]
            elif change == 2 and k + 1 < len(words):
                words[k], words[k + 1] = words[k + 1], words[k]
            elif change == 3:
                words.insert(k, rng.choice(vocab))
            else:
                words[k] = _plain(words[k])
        phrase = " ".join(words).strip(' ,.;:«»"')
        if rng.random() < 0.2:
            phrase = phrase.lower()
        if phrase and phrase not in seen:
            seen.add(phrase)
            out.append(phrase)
    return out


if __name__ == "__main__":
    print("\n".join(distinct(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)))
