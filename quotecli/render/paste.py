"""What ``--copy`` puts on the clipboard: the text a user pastes into a document.

By default the quotation in its language's quotation marks, then its citation in parentheses,
on one line: ``«␯…␯» (Marina Ferrari, interview by Sylvain Rolland, La Tribune, February
2024)``. No colour, no trailing newline, no Unicode normalisation (U+202F stays).
"""

from __future__ import annotations

from quotecli.render import quoted
from quotecli.results import Match, QueryResult

WHAT = ("both", "quote", "citation")


def paste_text(match: Match, what: str = "both") -> str:
    quotation = quoted(match.quote, match.source.language)
    citation = match.citation.text
    if what == "quote":
        return quotation
    if what == "citation":
        return citation
    return f"{quotation} ({citation})" if citation else quotation


def for_results(results: list[QueryResult], what: str = "both") -> str | None:
    """The best match of each phrase found, one per line; None when nothing was found."""
    texts = [paste_text(r.matches[0], what) for r in results if r.found and r.matches]
    return "\n".join(texts) if texts else None
