"""Sponsor reads: ads a host reads in their own voice are the outlet's, never a quotation.

A paragraph that reads an ad ("visit shopify.com slash careers", "use the code", "brought to
you by") is given to its speaker's "sponsor read" voice: a speaker of role ``editor``, the
host's name with "(sponsor read)", the host's label kept. When the cue names the product by
its web address ("visit aws-amplify.github.io"), the ad is taken to begin at the first of
the few paragraphs before it that name that product ("Hey, Kelly, have you heard about this
cool tool called AWS Amplify?"), even when two hosts perform it as a dialogue.
"""

from __future__ import annotations

import re

from quotecli.readers.builder import Draft
from quotecli.text import folding

CUE = re.compile(
    r"\b(?:visit|go to|(?:head|hop|pop|jump) over to|head to|check out)\s+"
    r"(?P<site>[\w.-]+)\.(?:com|io|org|net|fm|co)\b"
    r"|\b(?P<slash>[\w-]+)\.(?:com|io)\s+slash\b|\bat\s+[\w ]{1,20}\.(?:io|com)\b|promo code|"
    r"\buse (?:the )?code\b|sponsored by|brought to you by|\bour sponsor"
    r"|\bsponsors (?:today['’]s|this) (?:episode|show)\b",
    re.I,
)
# a heading that says an ad follows ("### [00:08:13] Ad", "## Sponsor", "## Werbung"): the
# paragraphs under it, unlabelled, are the read (the outlet's), not the last speaker's
HEADING = re.compile(
    r"^#{1,6}[ \t]+(?:\[?\d{1,2}(?::\d{2}){1,2}\]?[ \t]+)?(?:Ads?|Sponsors?|Sponsored|Sponsor read"
    r"|Advertisement|Werbung|Publicité|Pub|Anuncio|Publicidad)[ \t]*:?[ \t]*$",
    re.I,
)
LOOKBACK = 12  # paragraphs an ad dialogue may run before its call to action
# where a read opens ("This episode is sponsored by…") and its call to action, an address with
# a path ("talkpython.fm/posit"): subtitles cut their turns there (``readers.subtitles``), so
# the ad is a turn of its own and the host's words around it stay the host's
OPENS = re.compile(r"\bsponsored by\b|\bbrought to you by\b|\bour sponsor\b", re.I)
CALL = re.compile(r"\b[\w-]+\.(?:com|io|org|net|fm|co)/\S+", re.I)


def _product(m: re.Match) -> tuple[str, ...]:
    site = (m.group("site") or m.group("slash") or "").split(".")[0]
    return tuple(folding.fold_words(site.replace("-", " "))) if site else ()


def _names(paragraph: str, product: tuple[str, ...]) -> bool:
    words = folding.fold_words(paragraph)
    n = len(product)
    return any(tuple(words[i : i + n]) == product for i in range(len(words) - n + 1))


# a sentence that opens a read inside a paragraph the host began with their own words ("…
# for tuning in week after week. Now a sponsor time. This week…", "… Thank you everybody for
# listening. as usual, this episode of Working Code is brought to you by…")
_OPENS_READ = re.compile(
    r"^(?:(?:and|now|so|ok(?:ay)?|but|as[ \t]+usual)[, ]+)*(?:(?:it['’]s|a|our)[ \t]+)?"
    r"(?:sponsor[ \t]+time"
    # "But before I start, let me tell you about botany.io, who sponsors today's episode."
    r"|before[ \t]+(?:I|we)[ \t]+(?:start|begin|get[ \t]+started),?[ \t]+let[ \t]+me[ \t]+tell"
    r"[ \t]+you[ \t]+about"
    r"|(?:a[ \t]+)?(?:quick[ \t]+)?word[ \t]+from[ \t]+our[ \t]+sponsors?"
    r"|this[ \t]+(?:episode|show|week['’]s[ \t]+episode)(?:[ \t]+of[ \t]+[\w ]{1,40}?)?[ \t]+is"
    r"[ \t]+(?:sponsored|brought)"  # "this episode of Working Code is brought to you by"
    r")\b",
    re.I,
)


# a cue that is only an address ("visit X.com", "at X.io") reads an ad where the paragraph
# speaks like one too: an offer, a code, a sponsor, "listeners"
_ADDRESS = re.compile(r"(?:visit|go to|head|hop|pop|jump|check out|at)\b", re.I)
_AD = re.compile(
    r"sponsor|promo|\bcode\b|discount|free trial|\d+ ?%|percent off|\boffer|listeners|\bslash\b"
    r"|\bsign up\b|\bfree\b",
    re.I,
)
_WELCOME = re.compile(r"^\W*(?:(?:hello|hi|hey)[ \t,]+(?:and[ \t]+)?)?welcome[ \t]+to\b", re.I)


def _read_begins(para: str) -> int:
    """Where, after a sentence or more of the host's own, the paragraph's ad begins (0: none)."""
    from quotecli.text import sentences

    starts = {start for start, _ in sentences.split(para)[1:]}
    starts |= {m.end() for m in re.finditer(r"[.!?][ \t]+", para)}  # "… listening. as usual,"
    for start in sorted(starts):
        if _OPENS_READ.match(para[start:]):
            return start if not CUE.search(para[:start]) else 0
    return 0


def _split_reads(draft: Draft) -> None:
    """Cut a paragraph where a read opens after the host's own words: two paragraphs."""
    for _label, paragraphs, _ in draft.turns:
        for n in range(len(paragraphs) - 1, -1, -1):
            p = paragraphs[n]
            if CUE.search(p) and (at := _read_begins(p)):
                paragraphs[n : n + 1] = [p[:at].rstrip(), p[at:]]


def mark(draft: Draft) -> None:
    """Give ad paragraphs to their speakers' sponsor-read voices (turns split as needed)."""
    _split_reads(draft)
    flat = [(label, p, attrs, k) for k, (label, ps, attrs) in enumerate(draft.turns) for p in ps]
    ad = [False] * len(flat)
    for i, (label, para, _, _) in enumerate(flat):
        m = CUE.search(para)
        if not m or label.startswith("__") or _WELCOME.match(para) and m.start() < 120:
            continue  # "Hello, and welcome to Environment Variables, brought to you by the
        # Green Software Foundation.": the show's credit in the host's welcome. An ad dialogue
        # names its product in the paragraphs before its address ("… called AWS Amplify?")
        product = _product(m)
        before = range(max(0, i - LOOKBACK), i)
        naming = [j for j in before if product and _names(flat[j][1], product)]
        if (
            not naming
            and not m.group("slash")
            and _ADDRESS.match(m.group(0))
            and not _AD.search(para)
        ):
            continue  # "go check it out at NewbieRemoteConf.com": the host's own plug
        ad[i] = True
        first = next((j for j in naming if not flat[j][0].startswith("__")), None)
        if first is not None:
            for k in range(first, i):
                ad[k] = not flat[k][0].startswith("__")
    if not any(ad):
        return
    turns: list[tuple[str, list[str], dict]] = []
    last = None
    for (label, para, attrs, k), is_ad in zip(flat, ad, strict=True):
        key = _voice(draft, label) if is_ad else label
        if last == (key, k):
            turns[-1][1].append(para)
        else:
            turns.append((key, [para], attrs if last is None or last[1] != k else {}))
        last = (key, k)
    draft.turns = turns


def _voice(draft: Draft, key: str) -> str:
    ad = f"{key} (sponsor read)"
    if ad not in draft.speakers:
        draft.speaker(ad, f"{draft.speakers[key].name} (sponsor read)", role="editor")
        draft.speakers[ad].labels = [key]
        draft.speakers[ad].title = "sponsor read"
    return ad


def guests_own(draft: Draft) -> None:
    """A guest who sends listeners to their own site ("If you wanna buy my books … go to
    LearnCodeTheHardWay.org") reads no sponsor: once roles are known, an interviewee's read
    is theirs again (a host's stays the outlet's)."""
    for sp in draft.speakers.values():
        host = (
            draft.speakers.get(sp.labels[0]) if sp.title == "sponsor read" and sp.labels else None
        )
        if host is not None and host is not sp and host.role == "interviewee":
            sp.name, sp.role, sp.title = host.name, host.role, host.title
