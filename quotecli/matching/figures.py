"""Figures the phrase changed: a number ("1915" for "1916", "Django 3.1" for "3.2", a number
taken from the sentence before) or a letter that stands for something ("a D on my paper",
"plan B") put for another (issue 13, blind files33). ``score.refusal`` asks these with the
other meaning-critical rules (``critical``); each returns a reason for a person, or "".
"""

from __future__ import annotations

from quotecli.matching.critical import _expected, _gaps, _text, display_word
from quotecli.text import lexicon


def number_away(query, chosen, display) -> str:
    """A number of the phrase found away from where its nearest content words put it ("De
    fifteen plus, l'accord…" taking the 15 of the sentence before): a number is matched in its
    place or not at all (two words of play)."""
    content = {j: p for j, (p, _) in chosen.items()
               if lexicon.is_content(query[j]) and not lexicon.is_number(query[j])}  # fmt: skip
    for j, (p, _) in chosen.items():
        if not lexicon.is_number(query[j]):
            continue
        left = [k for k in content if k < j]
        right = [k for k in content if k > j]
        expect = ([content[max(left)] + (j - max(left))] if left else []) + (
            [content[min(right)] - (min(right) - j)] if right else []
        )
        if expect and min(abs(p - e) for e in expect) > 2:
            return f"the number “{display[j]}” is not where the phrase puts it in the source"
    return ""


def number_in_its_place(index, query, chosen, display) -> str:
    """A number of the phrase matched elsewhere while the source has another number where the
    phrase puts it: "Django 3.1 alpha" over "Django 3.2 alpha, alpha one" (the 1 taken from
    "one" further on) is the version changed, not a word moved."""
    placed = {p for p, _ in chosen.values()}
    for j, (p, _) in chosen.items():
        if not lexicon.is_number(query[j]):
            continue
        for e in _expected(chosen, j):
            if e == p or e in placed or not 0 <= e < len(index.words):
                continue
            if lexicon.is_number(index.words[e]) and index.words[e] != query[j]:
                return f"“{display[j]}” where the source has “{display_word(index, e)}”"
    return ""


def numbers(index, query, chosen, display, cut) -> str:
    """A number of the phrase that is not the source's, or a source number the phrase changed."""
    for j, w in enumerate(query):
        if lexicon.is_number(w) and (j not in chosen or chosen[j][1] < 1.0):
            if w in lexicon.PER_CENT and any(
                k in chosen and query[k][:1].isdigit() for k in (j - 1, j - 2)
            ):
                continue  # "30 percent" or "30 pour cent" for "30 per cent" or "30 %"
            return f"the number “{display[j]}” is not the source's"
    for source_gap, query_gap in _gaps(index, query, chosen, cut):
        per_cent = any(query[j] in lexicon.PER_CENT for j in query_gap)
        nums = [
            p for p in source_gap
            if lexicon.is_number(index.words[p])
            and not (per_cent and index.words[p] in lexicon.PER_CENT)
        ]  # fmt: skip
        if nums and query_gap:
            said = " ".join(display[j] for j in query_gap)
            p = nums[0]
            return f"“{said}” where the source has the number “{_text(index, p)}”"
    return ""


def letter_changed(index, query, chosen, display, cut) -> str:
    """A letter standing for something in the source ("I got a D on my paper", "plan B",
    "vitamin D": a capital letter alone inside a sentence, not "I", not an elision's "D'")
    left out between two placed words of the phrase: the phrase typed another letter ("an A")
    or none, and says something else, as a changed digit does (blind files33)."""
    placed = {p for p, _ in chosen.values()}
    text = index.source.text
    for gap, query_gap in _gaps(index, query, chosen, cut):
        for p in gap:
            word = _text(index, p)
            after = text[index.ends[p] : index.ends[p] + 1]
            if p in placed or p not in index.names or len(word) != 1 or word == "I":
                continue
            if not word.isalpha() or after in ("'", "’") or _dotted(text, index, p):
                continue
            typed = [display[j] for j in query_gap if len(query[j]) == 1 and query[j] != "i"]
            if typed:
                return f"“{typed[0]}” where the source has “{word}”"
            return f"the source's “{word}” is not in the phrase"
    return ""


def _dotted(text: str, index, p: int) -> bool:
    """A letter of an abbreviation written with periods ("L.A.", "U.S."): typed "LA" or "US",
    the same place, not a letter standing alone."""
    start, end = index.starts[p], index.ends[p]
    after = text[end : end + 1] == "." and text[end + 1 : end + 2].isalpha()
    return after or (start >= 2 and text[start - 1] == "." and text[start - 2].isalpha())
