"""Where transcripts live: the interview bundled with quote, and the user's library.

The bundled transcripts ship inside the package (``quotecli/data`` in a wheel, ``data/`` in a
source checkout). The user's library is a folder of transcript files under the platform's data
directory, or under ``$QUOTE_HOME`` (the command line resolves which; this module is told).
Nothing here reads ``../shared`` or the network.
"""

from __future__ import annotations

from pathlib import Path

from quotecli import transcript
from quotecli.transcript import Source

SUFFIX = ".quote.txt"


def bundled_dir() -> Path:
    """The folder of bundled transcripts (installed package first, then a source checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parent / "data"):
        if candidate.is_dir():
            return candidate
    raise transcript.TranscriptError("the bundled transcripts are missing from this install")


def transcript_paths(folder: Path) -> list[Path]:
    """Transcript files of a folder, in a stable order."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.endswith(SUFFIX))


def load_sources(library: Path | None = None) -> list[Source]:
    """The bundled transcripts, then the user's library (if it exists)."""
    paths = transcript_paths(bundled_dir())
    if library is not None:
        paths += transcript_paths(library / "transcripts")
    return [transcript.load(p) for p in paths]
