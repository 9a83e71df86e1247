"""Printers: one module per output format (ripgrep's printer model), all fed QueryResults.

Shared here: what any printer must do to transcript text before a terminal sees it (control
characters are data, never commands), and the quotation marks of each language.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
NNBSP = "\u202f"  # narrow no-break space: French typography inside « »
QUOTE_MARKS = {"fr": ("«" + NNBSP, NNBSP + "»"), "de": ("„", "“"), "en": ("“", "”")}


def safe(text: str) -> str:
    """Transcript text made harmless for a terminal: control characters shown, not obeyed."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def quoted(text: str, language: str) -> str:
    """``text`` between the quotation marks of ``language`` (French « » with narrow spaces)."""
    lang = language.split("-")[0].lower()
    opening, closing = QUOTE_MARKS.get(lang, QUOTE_MARKS["en"])
    return f"{opening}{text}{closing}"
