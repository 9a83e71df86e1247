"""What the blind set files53 taught (issue 12), each failing before the change: a court
reporter's numbered PDF whose plain extraction parts the line numbers from their lines and
puts lines out of order is read as laid out; a witness "of lawful age, having been first duly
sworn …" is the reporter's words to the oath's colon; a transcript's "File:" / "Duration:"
header is the record's, and "Interviewer: Thank you so much…" after it a turn; an
interviewer's words cutting in an answer, "(interviewer – like some friends…)", are theirs; a
phrase said
under a negation of the clause it hangs on ("not anything that [we are here to prosecute
you] for") is never a quotation, while "no doubt that" affirms it.
"""

from __future__ import annotations

from pathlib import Path

from quotecli import readers
from quotecli.search import Searcher, SearchOptions

WILD = Path(__file__).parent / "fixtures" / "wild"


def convert(data: bytes, name: str, **options):
    options.setdefault("outlet", "Outlet")
    options.setdefault("language", "en")
    return readers.convert(data, name, options=options, roles={}).source


def turns(source) -> list[tuple[str, str, str]]:
    return [(t.speaker.name, t.speaker.role, " ".join(source.text[t.start : t.end].split()))
            for t in source.turns]  # fmt: skip


def test_a_grand_jurys_numbered_pdf_is_read_as_laid_out():
    # ondrae/ferguson-grand-jury-transcripts, files/sample.pdf (St. Louis County, 2014)
    name = "ferguson-grand-jury-2014-09-10-dorian-johnson.pdf"
    source = convert((WILD / name).read_bytes(), name)
    got = turns(source)
    said = [(who, role, words[:40]) for who, role, words in got if role != "editor"]
    at = said.index(("Ms. Whirley", "interviewer", "So introduce yourself to the grand juror"))
    assert said[at + 1 : at + 6] == [
        ("Dorian Johnson", "interviewee", "Good afternoon everybody. My name is Dor"),
        ("Ms. Whirley", "interviewer", "Thank you. Now, Dorian, I stand in the b"),
        ("Dorian Johnson", "interviewee", "Okay, yes, ma'am."),
        ("Ms. Whirley", "interviewer", "Okay, good, that's better. Now, you came"),
        ("Dorian Johnson", "interviewee", "Correct, yes."),
    ]
    # the lines the plain extraction moved ("fact?" after the answer) are back in their turn
    assert ("Ms. Whirley", "interviewer", "Your mother came too, as a matter of fact?") in got
    oath = next(w for who, role, w in got if "of lawful age" in w)
    assert oath.startswith("DORIAN JOHNSON, of lawful age")  # and the witness is named from it
    assert oath.endswith("propounded as follows, to-wit:")
    assert [role for _, role, w in got if w == oath] == ["editor"]
    search = Searcher([source]).search
    assert search("We are not here to prosecute you.", SearchOptions()).found
    refused = search("We are here to prosecute you.", SearchOptions())
    assert not refused.found and "not anything" in refused.closest.text


def test_no_doubt_that_affirms_the_clause():
    text = ("JOURNALIST: Et ensuite ?\n\nMARINA FERRARI: Nous n'avons aucun doute que Mistral "
            "saura conclure des accords. Je ne crois pas que nous serons en retard.\n")  # fmt: skip
    search = Searcher([convert(text.encode(), "x.txt", language="fr")]).search
    assert search("Mistral saura conclure des accords", SearchOptions()).found
    assert not search("nous serons en retard", SearchOptions()).found


def test_a_transcripts_file_header_is_the_records():
    name = "haagahelia-ux-tourism-app-interview-2018.docx"
    got = turns(convert((WILD / name).read_bytes(), name))
    assert [(who, role) for who, role, _ in got[:3]] == [("Outlet", "editor")] * 3
    assert got[3][:2] == ("Interviewer", "interviewer")
    assert got[3][2].startswith("Thank you so much for coming")


def test_an_interviewers_words_cutting_in_an_answer_are_theirs():
    text = (
        "Interviewer:\t\tDo you take many pictures when you travel?\n\n"
        "Respondent:\t\tI don't do that often, only when it comes up. (interviewer – like "
        "some friends come to your home then) Yes, exactly, then I show them.\n\n"
        "Interviewer:\t\tThanks a lot.\n"
    )
    got = turns(convert(text.encode(), "t.txt"))
    assert got == [
        ("Interviewer", "interviewer", "Do you take many pictures when you travel?"),
        ("Respondent", "interviewee", "I don't do that often, only when it comes up."),
        ("Interviewer", "interviewer", "like some friends come to your home then"),
        ("Respondent", "interviewee", "Yes, exactly, then I show them."),
        ("Interviewer", "interviewer", "Thanks a lot."),
    ]
    # a bracket that names no label of the file stays in the words
    other = text.replace("(interviewer –", "(laughs –")
    kept = turns(convert(other.encode(), "t.txt"))
    assert [role for _, role, _ in kept] == ["interviewer", "interviewee", "interviewer"]
    assert "(laughs – like some friends" in kept[1][2]
