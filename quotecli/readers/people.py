"""Who the labels are: full names from the page's own lists, roles from the user's options.

A reader keeps labels as printed. This module owns the one step after ``builder.finish``
that may name them more fully or give them a role, and only from what the file or the user
says — never by guessing:

- a label becomes a listed person's name (front matter ``hosts``, ``guests``, ``speakers``,
  or a title "… with Felipe Hoffa") when it is that name, that first name or those initials,
  and exactly one listed person fits; the label stays among the speaker's labels;
- ``A:``/``R:`` answers are the one person a page lists, when it lists exactly one;
- roles: ``--interviewee`` and page guests are interviewees; ``--interviewer``, page hosts and
  the speaker whose lines are questions set in bold are interviewers; people the standfirst
  names in full are its subjects (interviewees), except in a debate (parliamentary labels),
  where everyone is a ``speaker``. With interviewees known, the other named
  speakers are the interviewers; with only interviewers known, the others are interviewees —
  unless the file says otherwise (``on_air``): a co-host the page does not list (who
  introduces the guest, welcomes the audience, mostly asks) is an interviewer, and when the
  file introduces its guests, a voice it neither introduces nor shows hosting stays a
  ``speaker`` rather than a guessed guest (issue 12);
- the outlet speaks the editor's turns and, unless ``--interviewer`` names someone, the
  questions set apart.
"""

from __future__ import annotations

import re

from quotecli.readers import sitting
from quotecli.readers.builder import Draft, SpeakerDraft
from quotecli.readers.onair import on_air
from quotecli.readers.standfirst import (
    NAME,
    cover_names,
    legend,
    standfirst_people,
)  # fmt: skip
from quotecli.readers.voices import ANSWERING, asker, asking, asks_most, spoken_words
from quotecli.text import folding
from quotecli.text.names import (
    DIARIZED,
    by_family,
    generic,
    has_initials,
    initials,
    is_initials,
    office,
    several,
    shortened,
    titled_work,
)  # fmt: skip


def _introduced(first: str) -> re.Pattern:
    """A first name introduced with its family name: "I'm Peter Myers", "host Dr. Olaya
    Fernandez Gayol", "my name is …", "with …" (group 1: the family name's words)."""
    return re.compile(
        r"(?:\bI'm|\bI am|[Mm]y name is|\bhosts?|\bco-host|\bDr\.?|\bProfessor|\bwith)[ \t]+"
        rf"{re.escape(first)}((?:[ \t]+[A-ZÀ-Þ][\w'’-]+){{1,3}})"
    )


def _first_name(name: str) -> bool:
    """A name that is a first name alone ("Vic", "Olaya"), not initials nor capitals ("MJ")."""
    return len(name.split()) == 1 and name[:1].isupper() and not name.isupper()


_CIVILITIES = frozenset("mr mrs ms miss mx m mme mlle".split())


def _formal(label: str) -> bool:
    """A record's label: a title before a surname ("Mr. Levy", "MS. QUINT", "THE COURT")."""
    from quotecli.text.names import _title

    words = label.split()
    return len(words) >= 2 and _title(words[0])


def _office(label: str) -> bool:
    """An office, not a person: "THE COURT", "The Reporter", "Le Président"."""
    from quotecli.readers.labels import OFFICE

    return label.split()[0].lower() in ("the", "le", "la") or bool(OFFICE.match(label))


def _many(label: str) -> bool:
    """A label of several voices at once: "M/G/S", "Jen & Safia", "Both", "Tous"."""
    from quotecli.readers.labels import SEVERAL

    return bool(_JOINT.search(label) or SEVERAL.match(label))


_JOINT = re.compile(r"[/&+]|\s(?:and|et)\s")


EDITOR = "__editor__"
QUESTION = "__question__"


def _chair(draft: Draft, named: list[SpeakerDraft]) -> None:
    """ "Hon. Speaker:" is the member the record puts in the Chair (``sitting.chairs``)."""
    held = sitting.chairs("\n".join(p for _, paras, _ in draft.turns for p in paras))
    for sp in named:
        if sp.name == sp.labels[0] and (who := held.get(sitting.office_of(sp.labels[0]))):
            sp.name = who


def _self_named(draft: Draft, named: list[SpeakerDraft], options: dict) -> None:
    given = [*several(options.get("interviewer") or ""), *several(options.get("interviewee") or "")]
    for sp in named:
        if not (DIARIZED.match(sp.labels[0]) and sp.name == sp.labels[0]) or not given:
            continue
        own = "\n".join(p for k, ps, _ in draft.turns if draft.speakers.get(k) is sp for p in ps)
        said = {
            n
            for n in given
            if re.search(
                rf"\b(?:I'm|I’m|I am|[Mm]y name is|je suis|je m'appelle)[ \t]+{re.escape(n)}\b", own
            )
        }
        if len(said) == 1 and not any(o.name == next(iter(said)) for o in named):
            sp.name = said.pop()


def _fold(text: str) -> tuple[str, ...]:
    return tuple(folding.fold_words(text))


def person(label: str, people: list[str]) -> str | None:
    """The listed person this label prints: their name, first name or initials (unique)."""
    key = _fold(label)
    for pick in (
        lambda p: _fold(p) == key,
        lambda p: len(key) == 1 and _fold(p)[:1] == key,
        lambda p: (
            label.isupper()
            and 2 <= len(label) <= 3
            and "".join(w[0] for w in p.split()).upper() == label
        ),
    ):
        hits = sorted({p for p in people if pick(p)})
        if len(hits) == 1:
            return hits[0]
    return None


def name_speakers(draft: Draft, options: dict, roles: dict | None = None) -> None:
    """Names and roles once metadata is settled (see the module's docstring); the full names
    ``--role`` gives that are no label ("Bruno Vandeville=…" beside "M. VANDEVILLE=…") name
    labels as options do."""
    printed = {_fold(x) for sp in draft.speakers.values() for x in (sp.name, *sp.labels)}
    also = [k for k in roles or () if len(k.split()) >= 2 and _fold(k) not in printed
            and "(" not in k and not _formal(k) and not k.isupper()]  # fmt: skip
    _name_speakers(draft, options, also)
    joint_roles(draft)


def _given(options: dict) -> tuple[set, set]:
    """The people --interviewee and --interviewer name ("A; B" / "A and B": each of them, by
    names.several, the one list reader), folded."""
    return (
        {_fold(n) for n in several(options.get("interviewee") or "")},
        {_fold(n) for n in several(options.get("interviewer") or "")},
    )


def named_roles(draft: Draft, options: dict) -> None:
    """Only the roles the options give, by the names the file prints ("Claude Sitton" and
    --interviewer "Claude Sitton"): for files whose speakers are data (a JSON or CSV export),
    where nothing is inferred from how the turns read."""
    interviewees, interviewers = _given(options)
    given = [*several(options.get("interviewee") or ""), *several(options.get("interviewer") or "")]
    for key, sp in draft.speakers.items():
        if key.startswith("__") or sp.role in ("editor", "unattributed"):
            continue
        # initials ("DB", "LG") are the one person given with those initials ("Devin Becker")
        label = sp.labels[0]
        having = {n for n in given if has_initials(n, label)} if is_initials(sp.name) else ()
        if len(having) == 1:
            sp.name = having.pop()
        folded = {_fold(k) for k in (sp.name, *sp.labels)}
        if folded & interviewees:
            sp.role = "interviewee"
        elif folded & interviewers:
            sp.role = "interviewer"


def role_names(draft: Draft, options: dict) -> None:
    """A label that names nobody ("C", "SPEAKER_01", "Q", a show's name) given its role by
    ``--role``: where
    it is the one voice of that role and ``--interviewee``/``--interviewer`` give one person
    of it whom no other voice is, that person ("C=interviewee" and --interviewee "Boris
    Hinzer", an AssemblyAI export's letters). Run after the roles the user gave."""
    voices = [
        sp for key, sp in draft.speakers.items()
        if not key.startswith("__") and sp.role not in ("editor", "unattributed")
    ]  # fmt: skip
    shows = draft.meta.get("_shows", [])  # "Netzcamp:", the show "Netzcamp Startup Podcast"
    for role in ("interviewee", "interviewer"):
        having = [sp for sp in voices if sp.role == role]
        label = having[0].labels[0] if len(having) == 1 else ""
        if (
            having
            and having[0].name == label
            and (len(label) == 1 or generic(label) or label in shows)
        ):
            _the_one_given(several(options.get(role) or ""), having,
                           lambda name: any(sp.name == name for sp in voices))  # fmt: skip


def joint_roles(draft: Draft) -> None:
    """A joint label ("**A, B et C** : …") answers with one voice for the people it lists:
    where each of them is a speaker of the file with the same role (three interviewees), the
    joint speaker has that role too; otherwise it stays a speaker, nobody's one voice."""
    speakers = [sp for key, sp in draft.speakers.items() if not key.startswith("__")]
    roles = {_fold(sp.name): sp.role for sp in speakers if not _JOINT.search(sp.labels[0])}
    for sp in speakers:
        if sp.role != "speaker" or not _JOINT.search(sp.labels[0]):
            continue
        members = {roles.get(_fold(m)) for m in several(sp.labels[0])}
        if len(members) == 1 and members <= {"interviewee", "interviewer"}:
            sp.role = members.pop()  # type: ignore[assignment]


def _the_one_given(given: list[str], voices: list[SpeakerDraft], taken) -> None:
    """The one person given for a role names the one voice of that role whose label names
    nobody, unless ``taken(name)``: another voice is that person already."""
    if len(given) == 1 and len(voices) == 1 and not taken(given[0]):
        voices[0].name = given[0]


def _beside(draft: Draft, one: SpeakerDraft, other: SpeakerDraft) -> bool:
    """Whether a turn of ``one`` is followed by a turn of ``other`` or the other way round."""
    keys = {id(sp): key for key, sp in draft.speakers.items()}
    pair = {keys.get(id(one)), keys.get(id(other))}
    said = [label for label, _, _ in draft.turns]
    return any({a, b} == pair for a, b in zip(said, said[1:], strict=False))


def _name_speakers(draft: Draft, options: dict, also: list[str]) -> None:
    meta = draft.meta
    people = meta.pop("people", {}) or {}
    # the standfirst's lines, the front matter's first ("excerpt: Sylvie Lebel, …"): a name
    # is read within a line ("# Vero Saldaña" ⏎
    lines = "\n".join(
        x for x in (meta.pop("_front_standfirst", ""), meta.pop("_standfirst", "")) if x
    )
    standfirst = " ".join(lines.split())  # "Entrevistadora: …" is no "Vero Saldaña Entrevistadora")
    cover = cover_names(lines)  # "Joshua Levy, Cunningham Levy Muse", "Mayor Vince Lago"
    debate = meta.pop("_debate", False)
    if debate:
        standfirst = lines = ""  # a sitting's header lists its speakers: nobody is its subject
    outlet = meta.get("outlet") or "Editor"
    if EDITOR in draft.speakers:
        draft.speakers[EDITOR].name = outlet
    if QUESTION in draft.speakers:
        draft.speakers[QUESTION].name = options.get("interviewer") or outlet
    hosts = people.get("hosts", [])
    guests = people.get("guests", [])
    opening = next((k for k, (label, _, _) in enumerate(draft.turns) if label != EDITOR), 0)
    key = legend("\n".join(p for _, paras, _ in draft.turns[:opening] for p in paras))
    listed = hosts + guests + people.get("speakers", []) + list(key.values())
    named = [
        sp for key, sp in draft.speakers.items()
        if not key.startswith("__") and sp.role not in ("editor", "unattributed")
    ]  # fmt: skip
    for sp in named:
        who = key.get(sp.labels[0]) or person(sp.labels[0], listed)
        if who is None and sp.labels[0] in ("A", "R") and len(set(listed)) == 1:
            who = listed[0]
        if who:
            sp.name = who
    _chair(draft, named)
    # "Q:"/"A:" ("Q."/"R.", "Entrevistador:"/"E2:") with one interviewer and one interviewee
    # given: they are the two (the label stays the speaker's, as printed); several: nobody
    for role in ("interviewee", "interviewer"):
        one = several(options.get(role) or "")
        unnamed = [sp for sp in named if sp.role == role and generic(sp.labels[0])]
        if role == "interviewee" and not unnamed and not debate:
            # "PRIME MINISTER:" answering a press conference of --interviewee "John Howard"
            unnamed = [sp for sp in named if sp.role != "interviewer" and office(sp.labels[0])]
        # the person printed by name too ("Mr Scott:", then "Counsel Inquiry:"), unless the
        # two labels answer each other: two voices
        _the_one_given(one, unnamed, lambda name, unnamed=unnamed: any(
            sp.name == name and _beside(draft, sp, unnamed[0]) for sp in named))  # fmt: skip
    for sp in named:  # the answers' author (the asker is named only by --interviewer)
        if sp.role == "interviewee" and generic(sp.name):
            draft.warnings.append(
                f"the label {sp.labels[0]!r} names nobody: cited without an author; "
                "pass --interviewee NAME"
            )
    interviewees, interviewers = _given(options)
    # a label that names a given person by family name ("MR. LONG:", "Bajcsy:", "JUSTICE
    # SCALIA:") is that person: a court's, a hearing's and an oral history's way
    given = [*several(options.get("interviewee") or ""),
             *several(options.get("interviewer") or ""), *listed, *also]  # fmt: skip
    # a record names a member in full once ("Mr David Hanson (Delyn) (Lab):"), then by the
    # surname ("Mr Hanson:"): the same member, named as in full (the UK Hansard)
    in_full = {}
    for sp in named:
        words = sp.name.split()
        if len(words) >= 3 and words[0].rstrip(".").lower() in _CIVILITIES:
            in_full[" ".join(words[1:])] = sp.name
        elif len(words) >= 2 and not _formal(sp.name):
            in_full[sp.name] = sp.name
    for sp in named:
        if _formal(sp.labels[0]) and len(sp.name.split()) == 2 and sp.name == sp.labels[0]:
            if (who := by_family(sp.labels[0], list(in_full))) is not None:
                sp.name = in_full[who]
    on_cover: set[int] = set()
    for sp in named:
        if sp.name not in given and (who := by_family(sp.labels[0], given)) is not None:
            sp.name = who
        elif (_formal(sp.labels[0]) or sp.labels[0].isupper() and " " not in sp.labels[0]) and (
            who := by_family(sp.labels[0], cover)
        ) is not None:  # "MR. LEVY:", "GRASSLEY:"
            sp.name = who  # "MR. LEVY:" and the record's cover lists "Joshua Levy, …"
            on_cover.add(id(sp))  # a list of those present: none is the subject for it
    # a first name alone ("Vic:") is the one full name of the file or the options it begins
    # ("Vic Vijayakumar:", --interviewee "Vic Vijayakumar"); two candidates: nobody's
    # ("Julian et Marie-Sophie" is two people, the beginning of no one's name)
    full = {n for n in [*several(options.get("interviewee") or ""),
                        *several(options.get("interviewer") or ""), *listed,
                        *(sp.name for sp in named)]
            if len(n.split()) >= 2 and not _JOINT.search(n) and "(" not in n}  # fmt: skip
    # and the standfirst's ("Kris Buytaert and Toshaan Bharvani run…", then "**Toshaan:**")
    # (a show's name is nobody's: "Netzcamp:" is not "Netzcamp Startup Podcast", and names
    # nobody, for ``role_names``)
    found = {m.group(0) for m in re.finditer(NAME, lines)}
    printed = full | {n for n in found if not titled_work(n)}
    for sp in named:
        if _first_name(sp.name):
            first = "".join(_fold(sp.name))
            begun = {n for n in printed if "".join(_fold(n.split()[0])).startswith(first)}
            if not begun and any(
                "".join(_fold(n.split()[0])) == first for n in found if titled_work(n)
            ):
                meta.setdefault("_shows", []).append(sp.labels[0])
            if len(begun) > 1 and len({_fold(n.split()[-1]) for n in begun}) == 1:
                begun = begun & set(given) or begun  # "Vero Saldaña" printed, "Verónica
            if len(begun) > 1:  # Saldaña" given: one person, the user's name; else "Vero"
                begun = {n for n in begun if "".join(_fold(n.split()[0])) == first} or begun
            if len(begun) == 1:
                sp.name = begun.pop()
    # initials ("C:", "MSM:") are the one full name given or listed with those initials
    for sp in named:
        label = sp.labels[0]
        if sp.name == label and 1 <= len(label) <= 3 and label.isalpha() and label.isupper():
            if generic(label):
                continue
            having = {n for n in full if has_initials(n, label) or (
                len(label) == 1 and initials(n)[:1] == label)}  # fmt: skip
            # or a short first name in capitals ("MEL:" for --interviewer "Mel Chua", "JO:")
            having = having or {n for n in full if _fold(n.split()[0]) == _fold(label)}
            if len(having) == 1:
                sp.name = having.pop()
    for sp in named:  # "Ar :" after "Arnaud :": a first name cut short, the same voice
        if sp.name == sp.labels[0] and (whole := shortened(sp.name, [o.name for o in named])):
            sp.name = whole
    # else the one full name the speakers introduce it by ("host Dr. Olaya Fernandez Gayol",
    # "I'm Peter Myers"): the file says who the label is
    spoken = ""
    for sp in named:
        if _first_name(sp.name):
            spoken = spoken or "\n".join(p for _, paras, _ in draft.turns for p in paras)
            heard = {" ".join(m.group(0).split()[-1 - m.group(1).count(" ") :])
                     for m in _introduced(sp.name).finditer(spoken)}  # fmt: skip
            if len(heard) == 1:
                sp.name = heard.pop()
    # a recogniser's label ("SPEAKER_01") is the person given who says who they are in its
    # turns ("And I am John Petrella"): the file says who the label is
    _self_named(draft, named, options)
    # a joint label of the interviewers given ("Julian et Marie-Sophie"): they ask together
    firsts = [_fold(n.split()[0]) for n in several(options.get("interviewer") or "") if n]
    for sp in named:
        together = several(sp.labels[0]) if _JOINT.search(sp.labels[0]) else []
        if len(together) >= 2 and all(_fold(p.split()[0]) in firsts for p in together if p):
            sp.role = "interviewer"

    # the outlet's own voice asks: its name or initials as a label ("LH :" on La Lettre
    # Hebdomadaire's page, articles aside)
    articles = ("la", "le", "les", "the", "a")
    outlet_initials = initials(" ".join(w for w in outlet.split() if w.lower() not in articles))

    def outlet_voice(sp: SpeakerDraft) -> bool:
        label = sp.labels[0]
        return len(label) >= 2 and (label == outlet_initials or _fold(label) == _fold(outlet))

    chosen = set()
    for sp in named:
        keys = {_fold(k) for k in (sp.name, *sp.labels)}
        if interviewees & keys or sp.name in guests:
            sp.role = "interviewee"
        elif interviewers & keys or sp.name in hosts or sp.title == "asks" or outlet_voice(sp):
            sp.role = "interviewer"
        else:  # "Q:", "JOURNALIST:" keep their role but name nobody else's
            continue
        chosen.add(sp.role)
    for sp in named:
        if sp.title == "asks":
            sp.title = None
    # the outlet asking under its name or initials ("LSQ:" on Luna Station Quarterly's page)
    # is the one --interviewer given, whom no other voice is
    _the_one_given(
        several(options.get("interviewer") or ""),
        [sp for sp in named if outlet_voice(sp) and sp.role == "interviewer"],
        lambda name: any(o.name == name for o in named),
    )
    if not chosen and standfirst:
        questioners = standfirst_people(standfirst)[1]  # "Questioned by Mr Blake": no guest
        for sp in named:
            if (
                sp.role == "speaker"
                and len(sp.name.split()) >= 2
                and sp.name in standfirst
                and id(sp) not in on_cover
                and not person(sp.name, questioners)
            ):
                sp.role = "interviewee"
                chosen.add("interviewee")
    if not chosen and standfirst:
        said_guests, said_hosts = standfirst_people(standfirst)
        for sp in named:
            if sp.role != "speaker":
                continue
            guest = person(sp.labels[0], said_guests) or person(sp.name, said_guests)
            host = None if guest else person(sp.labels[0], said_hosts)
            if guest or host:
                if len(sp.name.split()) < 2:
                    sp.name = guest or host or sp.name
                sp.role = "interviewee" if guest else "interviewer"
                chosen.add(sp.role)
    if not chosen and not debate and (asks := asker(draft, named)) is not None:
        asks.role = "interviewer"
        chosen.add("interviewer")
    asked_by_label = QUESTION in draft.speakers or any(sp.role == "interviewer" for sp in named)
    # not a court's record: there "Q"/"A" are an examiner and a witness, the others speakers
    answered_by_label = any(sp.role == "interviewee" for sp in named)
    if not chosen and asked_by_label and not answered_by_label:
        # questions under a label that names no one ("Q", "JOURNALIST:", "REPORTER:"): a press
        # conference or an interview, even where its labels look like a sitting's ("THE
        # PRESIDENT:"), which has no reporters; or questions set apart (in bold, as headings)
        # before labelled answers ("**Johanna Benamrouche** : …"): the people named answer them
        askers = [sp for sp in named if sp.role == "interviewer"]
        given = several(options.get("interviewer") or "")
        if len(askers) == 1 and len(given) == 1:
            askers[0].name = given[0]  # --interviewer "Sean Hannity": the one "Q" of the file
        for sp in named:
            if sp.role == "speaker" and not _many(sp.labels[0]):
                sp.role = "interviewee"
        return
    # a joint label ("M/G/S", "Jen & Safia") is several people at once: nobody's one voice
    others = [sp for sp in named if sp.role == "speaker" and not _many(sp.labels[0])]
    guests_said, hosts_said = on_air(draft, named) if others and chosen else ([], [])
    if debate and "interviewer" not in chosen:
        return  # a sitting: the one the user named is its subject, the other members speak
    if "interviewee" in chosen:
        # the guests known, the others ask, unless introduced as guests; where the user named
        # the hosts as well, a voice besides them that does not ask is another guest; where
        # the user named the guest alone, a voice that never asks and speaks at length (a
        # call's other officer, a panel's second expert) answers too
        both = "interviewer" in chosen
        set_apart = QUESTION in draft.speakers
        tally = asking(draft)
        spoke = spoken_words(draft)
        label_of = {id(sp): key for key, sp in draft.speakers.items()}
        for sp in others:
            if _formal(sp.labels[0]) and (both or _office(sp.labels[0])):
                continue  # a record's other voices: the court, its reporter, a counsel
            q, n = tally.get(label_of[id(sp)], [0, 0])
            said = spoke.get(label_of[id(sp)], 0)
            apart = id(sp) not in hosts_said
            is_guest = id(sp) in guests_said or apart and (
                set_apart and q == 0  # the page asks (in headings, in bold): a voice that never
                or  # asks answers, however seldom it speaks
                both and n >= 2 and q / n < 0.25 and said >= ANSWERING / 4 * n
                or not both and n >= 3 and q == 0 and said >= ANSWERING * n
            )  # fmt: skip
            sp.role = "interviewee" if is_guest else "interviewer"
            # neither asks nor answers, beside a voice that asks (the interviewer given, or
            # another voice here): a chair, a third party
            seldom = not is_guest and apart and n >= 2 and q <= n / 4
            if seldom and (both or any(asks_most(tally, label_of[id(o)]) or id(o) in hosts_said
                                       for o in others if o is not sp)):  # fmt: skip
                sp.role = "speaker"
    elif "interviewer" in chosen and len(others) == 1 and id(others[0]) not in hosts_said:
        others[0].role = "interviewee"  # the host known, the one other voice is the guest's
    elif "interviewer" in chosen:
        for sp in others:  # a co-host the page does not list is not a guest (issue 12)
            if id(sp) in guests_said:
                sp.role = "interviewee"
            elif id(sp) in hosts_said:
                sp.role = "interviewer"
            elif not guests_said:  # a moderator and a panel: the others answer
                sp.role = "interviewee"
            # else: the file says who the guests are, and not this one: a speaker, unguessed
