"""Who hosts and who is the guest, from what the speakers say on air: a host introduces the
guest ("our guest Kelsey Hightower", "joining me is …"), welcomes the audience to the show or
the guests by their first names ("Falco, Raja, welcome to Talk Python"), names a co-host
("Jerod and I are talking to David"), or mostly asks. For ``people``, which gives the roles.
"""

from __future__ import annotations

import re

from quotecli.readers.builder import Draft, SpeakerDraft
from quotecli.readers.standfirst import GUEST_CUE, HOST_CUE, SPLIT
from quotecli.readers.voices import asking, asks_most

# what only a host says on air: the audience welcomed to the show, a guest joining them
_HOSTING = re.compile(
    r"\b(?:[Ww]elcome (?:back )?to (?:the |this |our )?(?:show|podcast|episode|programme"
    r"|program|[A-Z])|I(?:'|’| a)m your host|[Jj]oining (?:me|us)\b|(?:I|[Ww]e)(?:'|’)(?:m|re)"
    r" joined by|(?:[Bb]ienvenue dans|[Jj]e reçois|[Nn]ous recevons)\b)"
)
# "Falco, Raja, welcome to Talk Python": the host welcomes the guests by their first names
# (as the recogniser spelt them); "Jerod and I are talking to David": a co-host
_FIRST = r"[A-ZÀ-Þ][\w'’-]+"
_WELCOMED = re.compile(
    rf"(?:^|[.!?]\s+|\b(?:So|And|Well),?\s+)(?P<names>{_FIRST}(?:(?:,[ \t]*|[ \t]+(?:and|et|&)"
    rf"[ \t]+){_FIRST})*),[ \t]+(?:welcome|bienvenue)\b"
)
_CO_HOST = re.compile(
    rf"\b(?P<names>{_FIRST}) (?:and|et) (?:I|moi)(?: are| were|'re|’re)? "
    r"(?:talk|chat|speak|interview|recev)\w*\b"
)


def on_air(draft: Draft, named: list[SpeakerDraft]) -> tuple[list[int], list[int]]:
    """(guests, hosts) among the named speakers (as ``id()``), by what the file says of them.

    A speaker who introduces another as the guest ("today we have a special guest with us,
    Kelsey Hightower", "joining me is …", "our guest …") is a host and the one introduced
    (by name, first name or initials) the guest; "your host X", "my co-host X" name a host;
    who welcomes the audience to the show, or whose turns mostly ask (three or more, half
    of them ending on a question), is a host. A speaker named a guest is never a host.
    """
    guests: set[int] = set()
    hosts: set[int] = set()
    mine = {id(sp) for sp in named}

    from quotecli.readers.people import _fold, person

    def who(name: str, besides: SpeakerDraft | None) -> list[SpeakerDraft]:
        return [o for o in named if o is not besides
                and (person(o.labels[0], [name]) or _fold(o.name) == _fold(name))]  # fmt: skip

    for label, paragraphs, _ in draft.turns:
        sp = draft.speakers.get(label)
        if sp is None or id(sp) not in mine:
            continue
        text = " ".join(" ".join(paragraphs).split())
        for m in GUEST_CUE.finditer(text):
            if m.group("told"):  # "I talked with X" in a speaker's mouth introduces nobody
                continue
            for name in SPLIT.split(m.group("names")):
                for other in who(name, sp) if name else ():
                    guests.add(id(other))
                    hosts.add(id(sp))
        for m in HOST_CUE.finditer(text):
            for name in SPLIT.split(m.group("names") or ""):
                hosts.update(id(o) for o in (who(name, None) if name else ()))
        for m in _WELCOMED.finditer(text):
            for name in SPLIT.split(m.group("names")):
                for other in _called(name, named, sp):
                    guests.add(id(other))
                    hosts.add(id(sp))
        for m in _CO_HOST.finditer(text):
            hosts.update(id(o) for o in _called(m.group("names"), named, sp))
        if _HOSTING.search(text):
            hosts.add(id(sp))
    tally = asking(draft)
    for label in tally:
        if asks_most(tally, label) and id(draft.speakers[label]) in mine:
            hosts.add(id(draft.speakers[label]))
    return sorted(guests), sorted(hosts - guests)


_NOBODY = frozenset(
    "folks everyone everybody guys friends ladies all listeners hello hi hey "
    "well so and welcome bonjour bonsoir amis chers mesdames messieurs".split()
)


def _called(first: str, named: list[SpeakerDraft], besides: SpeakerDraft) -> list[SpeakerDraft]:
    """The one other speaker a first name said aloud calls: their own first name, or as a
    speech recogniser spells it ("Falco" for Falko, "Raja" for Rodja: same initial, two edits
    at most); nobody where two could be meant."""
    from rapidfuzz.distance import Levenshtein

    key = first.casefold()
    if len(key) < 3 or key in _NOBODY:
        return []
    firsts = [(o, o.name.split()[0].casefold()) for o in named if o is not besides and o.name]
    exact = [o for o, f in firsts if f == key]
    if exact:
        return exact if len(exact) == 1 else []
    near = [o for o, f in firsts if f[:1] == key[:1] and Levenshtein.distance(f, key) <= 2]
    return near if len(near) == 1 else []
