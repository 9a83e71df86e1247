"""Transcripts: the data model (``model``) and the project's own file format (``fileformat``).

Everything downstream of the readers works on ``Source`` objects; this package is the one
that says what a transcript is and how one is stored.
"""

from quotecli.transcript.fileformat import SCHEMA, dump, load, parse
from quotecli.transcript.model import ROLES, Paragraph, Source, Speaker, TranscriptError, Turn

__all__ = [
    "ROLES", "SCHEMA", "Paragraph", "Source", "Speaker", "TranscriptError", "Turn",
    "dump", "load", "parse",
]  # fmt: skip
