"""Printers: one module per output format (ripgrep's printer model), all fed QueryResults.

Shared here: what any printer must do to transcript text before a terminal sees it (control
characters are data, never commands), and the quotation marks of each language.
"""

from __future__ import annotations

import re

from quotecli.text.lang import primary

# C0 (but tab and newline), DEL, C1, and the bidirectional overrides and isolates that can
# make a terminal show text in another order than it is (U+202A–U+202E, U+2066–U+2069).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
NNBSP = "\u202f"  # narrow no-break space: French typography inside « »
QUOTE_MARKS = {"fr": ("«" + NNBSP, NNBSP + "»"), "de": ("„", "“"), "en": ("“", "”")}


def safe(text: str) -> str:
    """Transcript text made harmless for a terminal: control characters shown, not obeyed."""
    return _CONTROL.sub(_shown, text)


def _shown(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def quoted(text: str, language: str) -> str:
    """``text`` between the quotation marks of ``language`` (French « » with narrow spaces)."""
    opening, closing = QUOTE_MARKS.get(primary(language), QUOTE_MARKS["en"])
    return f"{opening}{text}{closing}"
