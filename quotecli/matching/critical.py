"""Meaning-critical differences: the changes that make a phrase say something the source does
not, whatever its score (issue 13).

A negation added, dropped
or moved to another clause ("et non pour défendre l'intérêt général" for "non pas … mais pour
défendre"), a word put in the place of another even with its determiner ("une alliance" for "un
partenariat"), a name typed where the source has another. ``score.refusal`` asks these rules
after the coverage ones; each returns a reason for a person, or "". Negations and their clause
have a module of their own (``negation``), and so do a changed number ("1915" for "1916",
"two million" for "a million") and a letter standing for something (``figures``).

It works on one region (``chosen``: query position → (word index, similarity)) and knows
nothing of speakers or output.
"""

from __future__ import annotations

from quotecli.text import lexicon


def chunk_loners(query: list[str], chosen: dict) -> list[int]:
    """Query words placed away from both their neighbours in the phrase: a word moved alone.

    A chunk moved whole keeps its inner order ("une vraie alternative à OpenAI, Mistral
    devient"); a single word far from where the phrase puts it was either moved on its own or
    found elsewhere in the sentence for want of the source's own word there ("au niveau
    européen" borrowing "européenne" from "la tech européenne" for "au niveau mondial").
    """
    js = sorted(chosen)
    out = []
    for i, j in enumerate(js):
        near = False
        for k in (js[i - 1] if i else None, js[i + 1] if i + 1 < len(js) else None):
            if k is not None and follows(chosen, min(j, k), max(j, k)):
                near = True
        if not near and len(js) > 1:
            out.append(j)
    return out


def follows(chosen: dict, k: int, j: int) -> bool:
    """Whether the phrase's word ``j`` (after ``k``) is placed after ``k``'s in the source,
    close enough to be read with it: a dropped word or three between is no move."""
    step = chosen[j][0] - chosen[k][0]
    return 0 < step <= 4 + (j - k) - 1


def suspect_loners(chosen: dict, loners: list[int]) -> list[int]:
    """The loners that may stand for another word: found only by a typo or an inflection, or
    left out of a gap between two words placed on both sides (a word moved alone to the edge
    of a phrase, "européennes les langues et la culture", is a reordering)."""
    kept = [k for k in chosen if k not in loners]
    return [
        j for j in loners
        if chosen[j][1] < 1.0 or (any(k < j for k in kept) and any(k > j for k in kept))
    ]  # fmt: skip


def name_in_its_place(index, query, chosen, loners, display) -> str:
    """A name of the phrase found only away from its place, where the source has another name:
    "Microsoft devient une vraie alternative" over "…de Microsoft, …, Mistral devient une vraie
    alternative" is the subject changed, not a word moved (issue 13)."""
    placed = {p for p, _ in chosen.values()}
    for j in loners:
        p = chosen[j][0]
        if p not in index.names:
            continue
        for e in _expected(chosen, j):
            if 0 <= e < len(index.words) and e not in placed and e in index.names:
                if index.words[e] != query[j]:
                    return f"“{display[j]}” where the source has “{display_word(index, e)}”"
    return ""


def typed_reach(index, chosen, n: int) -> tuple[int, int]:
    """The source words the phrase covers: its placed region, and as many words before (after)
    it as the phrase has unplaced words before its first (after its last) placed one, within
    the sentence: "I do think anyone" stands over "I don't think anyone"."""
    at = {p: j for j, (p, _) in chosen.items()}
    lo, hi = min(at), max(at)
    first = index.sentences[index.sentence_of[lo]]
    last = index.sentences[index.sentence_of[hi]]
    before = min(at[lo], min(chosen))
    after = n - 1 - max(at[hi], max(chosen))
    return max(first.lo, lo - before), min(last.hi - 1, hi + after)


def one_for_one(index, query, chosen, display, cut) -> str:
    """One word of the phrase typed between two placed words where the source has one other
    word, a content word on either side: a substitution ("contre" for "pour", "without" for
    "with"), whatever the weights."""
    placed = {p for p, _ in chosen.values()}
    for gap, query_gap in _gaps(index, query, chosen, cut):
        source_gap = [p for p in gap if p not in placed]  # not a word moved from there
        if len(gap) != 1 or len(source_gap) != 1 or len(query_gap) != 1:
            continue
        p, j = source_gap[0], query_gap[0]
        w = index.words[p]
        if w != query[j] and (lexicon.is_content(w) or lexicon.is_content(query[j])):
            return f"“{display[j]}” where the source has “{_text(index, p)}”"
    return ""


def borrowed(index, query, chosen, display) -> str:
    """A content word of the phrase placed on the same word a little way off, where both its
    neighbours in the phrase put it on another content word of the source: "The easy part is"
    over "the graphics is easy. The hard part is" takes "easy" from the sentence before, for
    the source's "hard". A word moved with a neighbour, or one its neighbours disagree on
    (a phrase reordered), is not this."""
    placed = {p for p, _ in chosen.values()}
    sentence = index.sentence_of
    for j, (p, _) in chosen.items():
        if not lexicon.is_content(query[j]):
            continue
        expect = _expected(chosen, j)
        both = len(expect) == 2 and expect[0] == expect[1] and abs(p - expect[0]) > 1
        # or one neighbour in the next sentence (or the last) puts it on a word of its own
        # sentence, and the word was found in another: taken across the sentences' boundary
        across = []
        for k, step in ((j - 1, 1), (j + 1, -1)):  # the word after the left one, before the right
            q = chosen[k][0] if k in chosen else None
            # in the phrase's order and a word or two away: a chunk moved is a reordering
            if q is not None and sentence[q] != sentence[p] and 0 < (q - p) * -step <= 3:
                e = q + step
                if 0 <= e < len(index.words) and sentence[e] != sentence[p]:
                    across.append(e)
        for e in ([expect[0]] if both else []) + across:
            if e in placed or not 0 <= e < len(index.words):
                continue
            w = index.words[e]
            if w != query[j] and lexicon.is_content(w) and index.in_editorial(e) is None:
                return f"“{display[j]}” where the source has “{_text(index, e)}”"
    return ""


def relative_dropped(index, query, chosen, display) -> str:
    """A relative pronoun of the source left out between two neighbouring words of the phrase:
    "Microsoft est" over "Microsoft, qui est", "the submarine will be" over "the submarine,
    which will be" — the phrase states what the source says in a relative clause."""
    words = index.words
    placed = {p for p, _ in chosen.values()}
    for j, (p, _) in chosen.items():
        nxt = chosen.get(j + 1)
        if nxt is None or not p + 2 <= nxt[0] <= p + 3:
            continue
        if words[p + 1] in lexicon.RELATIVES and p + 1 not in placed:
            return (
                f"the source has “{display_word(index, p + 1)}” between “{display[j]}” and "
                f"“{display[j + 1]}”: the phrase states what it says in a relative clause"
            )
    return ""


def across_connector(index, query, chosen) -> str:
    """Chunks of the phrase moved whole across a word of cause the phrase left out
    ("le marché aura accès…, ce qui renforce X" over "Cela renforce X car le marché aura
    accès…"): what the source gives as the cause, the phrase gives as the effect."""
    words = index.words
    at = {p: j for j, (p, _) in chosen.items() if lexicon.is_content(query[j])}
    if len(at) < 2:
        return ""
    lo, hi = min(at), max(at)
    for c in range(lo + 1, hi):
        if words[c] not in lexicon.CONNECTORS or c in at or any(p == c for p, _ in chosen.values()):
            continue
        left = [j for p, j in at.items() if p < c]
        right = [j for p, j in at.items() if p > c]
        if left and right and max(right) < min(left):
            return f"the phrase puts the words after the source's “{_text(index, c)}” first"
    return ""


def connected_across(index, pairs, n_first: int) -> bool:
    """Whether the source ties the two clauses of a clause-swapped candidate (``pairs``: phrase
    word, position, similarity; the first ``n_first`` words are one clause) by a word of cause
    the phrase left out ("car", "because"): exchanged across it, they say another thing. The
    clause-swap path's form of ``across_connector``."""
    first = [p for j, p, _ in pairs if j < n_first]
    second = [p for j, p, _ in pairs if j >= n_first]
    if not first or not second:
        return False
    return any(w in lexicon.CONNECTORS for w in index.words[max(first) + 1 : min(second)])


def goes_on_otherwise(index, query, content, chosen, display) -> str:
    """The phrase ends on content words the source lacks where its sentence goes on with
    others: "he means what he says" for "he means it." (blind-4). A word added inside a
    phrase is tolerated, one in five; an ending of the phrase's own is another statement."""
    last = max(chosen)
    tail = [j for j in range(last + 1, len(query)) if j in content]
    p = chosen[last][0] + 1
    if p >= len(index.sentence_of) or index.sentence_of[p] != index.sentence_of[p - 1]:
        return ""  # the source's sentence ends there: the phrase adds to it, a cut is not asked
    if not tail and not (last + 1 < len(query) and lexicon.is_content(index.words[p])):
        # a light word left over ("d'un an" over "d'un mois": French "an" is English's
        # article) is another ending only where the source goes on with a word of weight
        return ""
    return f"“{' '.join(display[last + 1 :])}” where the source goes on with “{_text(index, p)}”"


def added_name(query, missing, display) -> str:
    """A name typed that the source does not have (capitalised, not the phrase's first word)."""
    for j in missing:
        if j and display[j][:1].isupper():
            return f"the name “{display[j]}” is not in the source"
    return ""


def display_word(index, p: int) -> str:
    return _text(index, p)


def _text(index, p: int) -> str:
    return index.source.text[index.starts[p] : index.ends[p]]


def _gaps(index, query, chosen, cut):
    """Pairs (source words, query words) left between two neighbours placed in order."""
    js = sorted(chosen)
    for a, b in zip(js, js[1:], strict=False):
        pa, pb = chosen[a][0], chosen[b][0]
        if pb <= pa + 1:
            continue
        if cut[0] == pa and cut[1] == pb and b == a + 1:
            continue  # a dropped clause, nothing typed in its place
        yield range(pa + 1, pb), [j for j in range(a + 1, b)]


def swapped(index, query, chosen, display) -> str:
    """Two words of the phrase that stand each in the other's place in the source: subject and
    object ("La participation de Mistral dans Microsoft"), two names, two numbers exchanged.

    A word's place is where its nearest neighbours in the phrase (content words, the other of
    the pair aside) put it, or right beside its neighbours in the phrase; two neighbours of
    the phrase exchanged ("OpenAI/Microsoft") read the same. Chunks moved whole ("une vraie
    alternative à OpenAI, Mistral devient") exchange no two words so.
    """
    # a name counts though its letters make a function word: "C" (the language), "R", "Go"
    content = sorted(
        j for j in chosen
        if lexicon.is_content(query[j])
        or (display[j][:1].isupper() and chosen[j][0] in index.names)
    )  # fmt: skip

    def near(j: int, other: int, p: int) -> bool:
        left = [k for k in content if k < j and k != other]
        right = [k for k in content if k > j and k != other]
        expect = []
        if left:
            expect.append(chosen[left[-1]][0] + (j - left[-1]))
        if right:
            expect.append(chosen[right[0]][0] - (right[0] - j))
        return p in expect

    def beside(j: int, p: int) -> bool:
        """Right after the phrase's previous word, or right before its next one."""
        return (j - 1 in chosen and chosen[j - 1][0] + 1 == p) or (
            j + 1 in chosen and chosen[j + 1][0] - 1 == p
        )

    for x, a in enumerate(content):
        for b in content[x + 1 :]:
            pa, pb = chosen[a][0], chosen[b][0]
            if pa <= pb or query[a] == query[b]:
                continue
            by_neighbours = b > a + 1 and near(a, b, pb) and near(b, a, pa)
            if by_neighbours or (beside(a, pb) and beside(b, pa)):
                return f"“{display[a]}” and “{display[b]}” are in each other's place in the source"
    return ""


def claims(index, query, chosen, display, reach: tuple[int, int], cut) -> str:
    """A quantifier, a modal or a tense of the phrase that is not the source's (issue 13).

    "le seul leader" is not "l'un des leaders", "have presented" is not "will be presenting",
    "Mistral pourrait" is not "Mistral va": the words weigh little in coverage, so they are
    compared here, by group (``lexicon.claim``), over the source words the phrase covers
    (``reach``, a dropped clause aside). A quantifier or a modal changed, added or dropped is
    refused; a tense only when the source has another one in its place.
    """
    words = index.words
    reach0 = reach
    kept: set[int] = set()  # source positions that stand for one of the phrase's claims
    for j, (p, s) in chosen.items():
        # a claim of the source the phrase typed with a typo or without its apostrophe
        # ("everyones" for "everyone's")
        if s < 1.0 and lexicon.claim(query, j) is None and lexicon.claim(words, p) is not None:
            kept.add(p)
    typed = []
    for j in range(len(query)):
        c = lexicon.claim(query, j)
        if c is None:
            continue
        expect = _expected(chosen, j)
        if (
            j in chosen
            and lexicon.claim(words, chosen[j][0]) == c
            and (not expect or any(abs(chosen[j][0] - e) <= 2 for e in expect))
        ):
            kept.add(chosen[j][0])
        else:
            # not there, or taken from further on ("Some of our schools" taking the "some" of
            # "and some of them" over "All of our schools"): it stands where its neighbours
            # put it
            typed.append((j, c))
            reach = (min([reach[0], *expect]), max([reach[1], *expect]))
    first = index.sentences[index.sentence_of[reach0[0]]]
    last = index.sentences[index.sentence_of[reach0[1]]]
    lo, hi = max(reach[0], first.lo), min(reach[1], last.hi - 1)
    # a clause the phrase left out is no claim of its own, but a gap it typed words into
    # ("I have presented" over "I [will be] presenting") is
    dropped = _left_out(chosen, cut)
    there = []
    for p in range(lo, hi + 1):
        # the words right at the edges of a dropped clause qualify what the phrase keeps:
        # "All of [our schools …, and] some of them" does not drop the "some"
        inside = cut[0] + 1 < p < cut[1] - 2
        if p in kept or (dropped and inside):
            continue
        c = lexicon.claim(words, p)
        if c is not None:
            there.append((p, c))
    for j, c in list(typed):  # the same word elsewhere in the region: placed otherwise
        expect = _expected(chosen, j)
        same = [
            x for x in there
            if x[1] == c and (not expect or any(abs(x[0] - e) <= 2 for e in expect))
        ]  # fmt: skip
        if same:
            there.remove(same[0])
            typed.remove((j, c))
    strong = ("quantifier", "modal")
    for j, (kind, _) in typed:
        expect = _expected(chosen, j) or [lo]
        by_place = sorted(there, key=lambda x: min(abs(x[0] - e) for e in expect))
        others = [p for p, (k, _) in by_place if k == kind]
        if kind in strong or kind == "tense":
            others = others or [p for p, _ in by_place]
        if kind in strong or others:
            if others:
                return f"“{display[j]}” where the source has “{_claim_text(index, others[0])}”"
            return f"the {kind} “{display[j]}” is not in the source"
    for p, (kind, _) in there:
        if kind in strong:
            return f"the source has the {kind} “{_text(index, p)}”, the phrase does not"
    return ""


def _claim_text(index, p: int) -> str:
    """The source's claim at ``p`` as printed, both words of "every other"."""
    if lexicon.claim(index.words, p) == ("quantifier", "every other"):
        return f"{_text(index, p)} {_text(index, p + 1)}"
    return _text(index, p)


def _left_out(chosen, cut) -> bool:
    """Whether the region's cut is a clause the phrase left out: the phrase's words on either
    side of it are neighbours in the phrase (nothing typed in its place)."""
    at = {p: j for j, (p, _) in chosen.items()}
    return cut[0] in at and cut[1] in at and at[cut[1]] == at[cut[0]] + 1


def _expected(chosen, j: int) -> list[int]:
    """Where the phrase's nearest placed neighbours put its word ``j``."""
    left = [k for k in chosen if k < j]
    right = [k for k in chosen if k > j]
    out = []
    if left:
        k = max(left)
        out.append(chosen[k][0] + (j - k))
    if right:
        k = min(right)
        out.append(chosen[k][0] - (k - j))
    return out


_PIVOTS = frozenset(
    "mais plutot que than rather instead but avant apres before after sans without".split()
)


def swapped_around(query, chosen, display) -> str:
    """The two sides of "mais", "but", "than", "rather", "before", "sans" exchanged: "non pas Y
    mais X" for "non pas X mais Y" says the opposite, though each side is moved whole (a chunk
    moved elsewhere is a reordering, one moved across such a word is not)."""
    for j, w in enumerate(query):
        if w not in _PIVOTS or j not in chosen or (w == "que" and j and query[j - 1] != "plutot"):
            continue
        at = chosen[j][0]
        # the words right beside it in the phrase: a prefix both share is no exchange
        near = sorted(k for k in chosen if k != j and lexicon.is_content(query[k]))
        before = [chosen[k][0] for k in near if k < j][-3:]
        after = [chosen[k][0] for k in near if k > j][:3]
        if not before or not after:
            continue
        crossed_b = sum(1 for p in before if p > at)
        crossed_a = sum(1 for p in after if p < at)
        # both sides exchanged, or one side moved whole to the other ("but we don't need" put
        # before the source's "but")
        both = 2 * crossed_b >= len(before) and 2 * crossed_a >= len(after)
        whole = (crossed_b == len(before) >= 2) or (crossed_a == len(after) >= 2)
        if both or whole:
            return f"the words on either side of “{display[j]}” are exchanged in the source"
    return ""


def traded(index, query, chosen, missing, display, cut) -> str:
    """A content word added right where the region leaves one of the source's out: one word
    traded for another though their places differ by a word or two ("le numéro un mondial"
    over "l'un des leaders mondiaux": "numéro" for "leaders"). A word only added, or added
    far from what is dropped (a reordered phrase), is not this; nor "percent" for "per cent"."""
    added = [
        j for j in missing
        if query[j] not in lexicon.PER_CENT and query[j] not in lexicon.LIGHT_ADVERBS
    ]  # fmt: skip
    if not added:
        return ""
    at = {p: j for j, (p, _) in chosen.items()}
    # a clause left out whole, of three words or more ("des leaders" is no clause)
    dropped_clause = _left_out(chosen, cut) and cut[1] - cut[0] > 3
    lo, hi = min(at), max(at)
    for j in added:
        for e in _expected(chosen, j):
            for p in range(max(lo + 1, e - 2), min(hi, e + 3)):
                if p in at or (dropped_clause and cut[0] < p < cut[1]):
                    continue
                w = index.words[p]
                if (
                    lexicon.is_content(w)
                    and w not in lexicon.PER_CENT
                    and w not in lexicon.LIGHT_ADVERBS
                    and index.in_editorial(p) is None
                ):
                    return f"“{display[j]}” where the source has “{_text(index, p)}”"
    return ""
