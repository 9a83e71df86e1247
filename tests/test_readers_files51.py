"""What the blind set files51 taught (issue 12), each failing before the change: a negation
moved to another word of the sentence ("is not alert and will hesitate" for "is alert and will
not hesitate") and a sentence cut before the source's negation ("… And it is." for "… And it
is not") are never quotations; a time mark copied with the words is not searched; a Hansard's
office with its holder in brackets on a plain line ("His Excellency the President (Mr. Daniel
Toroitich arap Moi):"), the holder's name with a particle; "The House rose at 3.30 p.m." under
the last words; a typesetter's mismatched bracket; an interview whose plain questions are
answered by blockquotes.
"""

from __future__ import annotations

from quotecli import readers
from quotecli.readers.labels import find
from quotecli.search import Searcher, SearchOptions


def convert(text: str, name: str, **options):
    options.setdefault("outlet", "Outlet")
    options.setdefault("language", "en")
    return readers.convert(text.encode(), name, options=options, roles={}).source


def turns(source) -> list[tuple[str, str, str]]:
    return [(t.speaker.name, t.speaker.role, source.text[t.start : t.end]) for t in source.turns]


SPEECH = """**Sean C Davis:** What do people get wrong about images?

**Tammy Everts:** So a lot of people think that resizing is the same as optimizing. And it is \
not, it's, um, you, so when whatever tool you're using might be resizing your images. Cost UK \
companies, this is UK companies, [00:34:00] over $17 billion in lost sales.

**Sean C Davis:** The Government is alert and will not hesitate to take firm action against \
anyone who attempts to disrupt our peace.
"""


def test_a_negation_moved_or_cut_off_is_never_a_quotation():
    search = Searcher([convert(SPEECH, "fireside.md")]).search
    said = "The Government is alert and will not hesitate to take firm action"
    assert search(said, SearchOptions()).found
    moved = "The Government is not alert and will hesitate to take firm action against anyone"
    assert not search(moved, SearchOptions()).found
    assert search("people think that resizing is the same as optimizing.", SearchOptions()).found
    cut = "So a lot of people think that resizing is the same as optimizing. And it is."
    result = search(cut, SearchOptions())
    assert not result.found and "And it is not" in result.closest.text


def test_a_time_mark_copied_with_the_words_is_not_searched():
    search = Searcher([convert(SPEECH, "fireside.md")]).search
    result = search("this is UK companies, [00:34:00] over $17 billion", SearchOptions())
    assert result.found and result.matches[0].speaker.name == "Tammy Everts"
    assert not search("this is UK companies, [00:34:00] over $18 billion", SearchOptions()).found


HANSARD = """NATIONAL ASSEMBLY
OFFICIAL REPORT
Tuesday, 31st March, 1998
(The Mace of the National Assembly was placed on the Table]
PRAYERS
Mr. Speaker: Your Excellency, hon. Members, may I call upon the Spiritual Leaders to offer
prayers for this new Session.
PRESIDENTIAL SPEECH
His Excellency the President (Mr. Daniel Toroitich arap Moi): Mr. Speaker, Sir, first of all, I
congratulate all of you hon. Members.
NOTICE OF MOTION
The Minister for Lands and Settlement (Mr. Ngala): Mr. Speaker, Sir, I beg to give notice.
Mr. Speaker: Hon. Members, the House is now adjourned until tomorrow.
The House rose at 3.30 p.m.
"""


def test_a_hansards_office_and_holder_on_a_plain_line():
    f = find("His Excellency the President (Mr. Daniel Toroitich arap Moi): Mr. Speaker, Sir,")
    assert (f.label, f.rest) == ("Mr. Daniel Toroitich arap Moi", "Mr. Speaker, Sir,")
    f = find("The Minister for Lands and Settlement (Mr. Ngala): Mr. Speaker, Sir, I beg")
    assert f.label == "Mr. Ngala"
    got = turns(convert(HANSARD, "hansard.txt"))
    said = [(who, words[:20]) for who, role, words in got if role != "editor"]
    assert said == [
        ("Mr. Speaker", "Your Excellency, hon"),
        ("Mr. Daniel Toroitich arap Moi", "Mr. Speaker, Sir, fi"),
        ("Mr. Ngala", "Mr. Speaker, Sir, I "),
        ("Mr. Speaker", "Hon. Members, the Ho"),
    ]  # fmt: skip
    assert got[-1][1] == "editor" and got[-1][2] == "The House rose at 3.30 p.m."


QUOTED = """Dopo l'intervista a Federico Terzi abbiamo rivolto qualche domanda a Giovanni Pellerano.

---

Come è nato GlobaLeaks?

> GlobaLeaks è nato in un contesto di hacktivism internazionale, a fine 2010.

Cosa hai imparato da questa esperienza?

> Sviluppare GlobaLeaks è stato determinante per quello che oggi sono.

Cosa ne pensi del panorama FOSS italiano?

> Credo che l'italia abbia sempre vantato di comunità di sviluppatori.
"""


def test_plain_questions_answered_by_blockquotes():
    source = convert(QUOTED, "intervista.md", language="it", interviewee="Giovanni Pellerano")
    got = [(who, role, words[:20]) for who, role, words in turns(source)]
    assert got == [
        ("Outlet", "editor", "Dopo l'intervista a "),
        ("Outlet", "interviewer", "Come è nato GlobaLea"),
        ("Giovanni Pellerano", "interviewee", "GlobaLeaks è nato in"),
        ("Outlet", "interviewer", "Cosa hai imparato da"),
        ("Giovanni Pellerano", "interviewee", "Sviluppare GlobaLeak"),
        ("Outlet", "interviewer", "Cosa ne pensi del pa"),
        ("Giovanni Pellerano", "interviewee", "Credo che l'italia a"),
    ]  # fmt: skip
