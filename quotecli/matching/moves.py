"""A chunk of the phrase found moved, where the source says another word in its place.

Whole chunks may come in another order ("une vraie alternative à OpenAI, Mistral devient"):
that is how people misremember, and such a phrase is found. But a chunk found away from its
place may be borrowed from further on for want of the source's own words there: "My father
was born on a Guyanese sugarcane plantation" over "My mother was born on a Guyanese sugarcane
plantation and my father grew up…" takes "my father" from the next clause, while the place the
phrase puts it holds "My mother" (blind files24). The sign of a substitution, not of a move, is
that where the phrase puts the chunk the source holds part of it, word for word, beside a
content word the phrase lacks: one of the chunk's words was replaced. ``score.refusal`` asks
this with the other changes of what is said.
"""

from __future__ import annotations

from quotecli.matching import critical
from quotecli.text import lexicon


def _chunks(chosen: dict) -> list[list[int]]:
    """The phrase's placed words in runs that keep their order in the source (a word or
    three dropped between two of them is no break)."""
    runs: list[list[int]] = []
    for j in sorted(chosen):
        if runs and critical.follows(chosen, runs[-1][-1], j):
            runs[-1].append(j)
        else:
            runs.append([j])
    return runs


def replaced(index, query: list[str], chosen: dict, display: list[str]) -> str:
    """ "“father” where the source has “mother”": the shorter of two chunks found away from
    the place the phrase puts it beside the other (before it, after it, or far from it), when
    that place holds one of its words and, beside it, a content word the phrase lacks."""
    runs = _chunks(chosen)
    if len(runs) != 2:
        return ""
    first, second = runs
    moved, anchor = (first, second) if len(first) <= len(second) else (second, first)
    if moved is first:  # the phrase's opening: its place is just before the rest
        start = chosen[anchor[0]][0] - (anchor[0] - moved[0])
    else:  # the phrase's end: its place is just after the rest
        start = chosen[anchor[-1]][0] + (moved[0] - anchor[-1])
    found, end = chosen[moved[0]][0], start + (moved[-1] - moved[0])
    if not (chosen[moved[-1]][0] + 2 < start or end + 2 < found):
        return ""  # where the phrase puts it, or next to it (a word of it placed one early)
    placed = {p for p, _ in chosen.values()}
    pairs = [(j, start + (j - moved[0])) for j in moved]
    if not all(0 <= e < len(index.words) for _, e in pairs):
        return ""
    if not any(index.words[e] == query[j] for j, e in pairs):
        return ""  # nothing of the chunk where the phrase puts it: a move
    for j, e in pairs:
        if e not in placed and (why := _in_place_of(index, query, j, e, display)):
            return why
    return ""


def sandwiched(index, query: list[str], chosen: dict, display: list[str]) -> str:
    """ "“India” where the source has “Vietnam”": four words of the phrase or fewer found away from
    its place, between two runs found side by side with a gap of just their length, which
    holds a content word the phrase lacks ("…a country of origin of India that are sold…" over
    "…of origin of India and … the Watch have a country of origin of Vietnam that are sold…",
    blind-14): the phrase's word was replaced, its own borrowed from elsewhere."""
    runs = _chunks(chosen)
    for before, moved, after in zip(runs, runs[1:], runs[2:], strict=False):
        if len(moved) > 4:
            continue
        p, q = chosen[before[-1]][0], chosen[after[0]][0]
        if q - p != after[0] - before[-1] or any(p < chosen[j][0] < q for j in moved):
            continue  # the runs are not side by side as the phrase puts them, or it is there
        for j in moved:  # (the source's word there may be any: "the Timor tax" over "the
            # Have tax, the Timor levy", a content word borrowed into another's place)
            if why := _in_place_of(index, query, j, p + (j - before[-1]), display, True):
                return why
    # one word found away from the one-word gap its neighbours leave in the source ("come
    # now to the Timor tax, the levy" over "… the Have tax, the Timor levy")
    for j, (at, _) in chosen.items():
        if j - 1 in chosen and j + 1 in chosen:
            a, b = chosen[j - 1][0], chosen[j + 1][0]
            if b - a == 2 and not a < at < b:
                if why := _in_place_of(index, query, j, a + 1, display, True):
                    return why
    return ""


def _in_place_of(
    index, query: list[str], j: int, e: int, display: list[str], any_word: bool = False
) -> str:
    """ "“father” where the source has “mother”": the source's word ``e`` where the phrase
    puts its word ``j``, both content words (``any_word``: the source's of any kind), the
    source's one the phrase lacks."""
    other = index.words[e]
    if other == query[j] or other in query:
        return ""
    if not (lexicon.is_content(query[j]) and (any_word or lexicon.is_content(other))):
        return ""
    said = index.source.text[index.starts[e] : index.ends[e]]
    return f"“{display[j]}” where the source has “{said}”"


def restarted(index, query: list[str], chosen: dict, display: list[str]) -> str:
    """ "“hardest” where the source has “fun”": the phrase read across a few skipped words
    that start its own words over with another word in them ("The hardest part was
    collecting everything." over "…the hardest part. The fun part was collecting
    everything."). The skipped words hold again the word placed before them, "part", and
    the phrase's words before it, shifted onto the second "part", meet the source's again
    ("The") beside a content word the phrase lacks ("fun"): the phrase's word was replaced
    and its own borrowed from just before (blind files25)."""
    placed = sorted(chosen)
    for k, j in zip(placed, placed[1:], strict=False):
        p, q = chosen[k][0], chosen[j][0]
        if not 1 < q - p <= 4:
            continue
        again = [r for r in range(p + 1, q) if index.words[r] == query[k]]
        if not again:
            continue
        r = again[-1]
        shifted = [(i, r - (k - i)) for i in range(k - 1, -1, -1) if r - (k - i) > p]
        if not any(index.words[e] == query[i] for i, e in shifted):
            continue
        for i, e in shifted:
            if why := _in_place_of(index, query, i, e, display):
                return why
    return ""


# the subject pronouns (``lexicon.SUBJECTS``) and the English subjects of an asked "is it?"
_SUBJECTS = lexicon.SUBJECTS | frozenset("it there this that".split())


def inverted(index, query: list[str], chosen: dict, display: list[str]) -> str:
    """ "“They did” where the source has “Did they”": two neighbouring words of the phrase found
    in the other order, an auxiliary verb and a pronoun; the order says whether it is asked or
    stated ("Did they stay with that legal entity?", blind files56). ("… is Python" over
    "Python is …" says the same.)"""
    for j in chosen:
        if j + 1 in chosen and chosen[j][0] == chosen[j + 1][0] + 1:
            pair = {query[j], query[j + 1]}
            if lexicon.AUXILIARIES & pair and _SUBJECTS & pair:
                b, a = chosen[j + 1][0], chosen[j][0]
                said = index.source.text[index.starts[b] : index.ends[a]]
                return f"“{display[j]} {display[j + 1]}” where the source has “{said}”"
    return ""
