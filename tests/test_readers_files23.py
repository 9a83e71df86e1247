"""Who speaks and what is the outlet's, for the conventions the blind set files23 brought
(issue 12): an OCR'd typescript pasted on an old Mac, an oral history's table of turns in CSV,
a German Q&A whose questions are set in HTML bold behind the outlet's name, a Word oral history
labelled by a family name of two words, a timecoded PDF whose questions are told only by their
bold type, and a Word file of the same shape.

Each test is a small file in the shape of a real one (credited in its docstring; the files are
wild fixtures too) and asserts what the readers derive. Each failed before the change.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from quotecli import readers
from quotecli.readers import ReaderError
from quotecli.search import Searcher, SearchOptions

WILD = Path(__file__).parent / "fixtures" / "wild"


def converted(raw: bytes | str, name: str = "t.txt", **options):
    options.setdefault("outlet", "Test Outlet")
    options.setdefault("language", "en")
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    return readers.convert(data, name, options=options)


def turns(raw: bytes | str, name: str = "t.txt", **options) -> list[tuple[str, str, str]]:
    s = converted(raw, name, **options).source
    return [
        (t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns
    ]


# Digital-Grinnell/yeager-renfrow-oral-histories, _data/transcripts/dg_1724956994.txt (57fe566c):
# classic Mac line ends, surname labels, several turns run on in one line
GRINNELL = (
    "lnterview of Rebecca Conard French, '30\r"
    "Rebecca Conard French ( '30) interviewed by Stuart Yeager\r"
    "French: And first prize. I don't know about him at all. Yeager: What class were you in? "
    "French: 1930. Yeager: You were 1930. O.K.\r"
    "French: Oh, well that's interesting. What was his career?\r"
    "Yeager: He was the principal of an elementary school in Illinois.\r"
    "French: I don't know about him. Yeager: He was the second black graduate.\r"
    "Yeager: Did you know him?\r"
    "French: No.\r"
    "Yeager: Thank you.\r"
)
PEOPLE = {"interviewee": "Rebecca Conard French", "interviewer": "Stuart Yeager"}


def test_classic_mac_line_ends_and_labels_run_on_after_a_sentence():
    """A lone carriage return ends a line (the whole file was one paragraph, unattributed);
    "…at all. Yeager: What class…" is two turns, the label opening three lines or more; the
    cover that says "interviewed by" is the outlet's, not nobody's speech."""
    got = turns(GRINNELL, **PEOPLE)
    assert got[0][1] == "editor" and "interviewed by" in got[0][2]
    said = [(who, role, words) for who, role, words in got if role != "editor"]
    assert said[:5] == [
        ("Rebecca Conard French", "interviewee", "And first prize. I don't know about him at all."),
        ("Stuart Yeager", "interviewer", "What class were you in?"),
        ("Rebecca Conard French", "interviewee", "1930."),
        ("Stuart Yeager", "interviewer", "You were 1930. O.K."),
        ("Rebecca Conard French", "interviewee",
         "Oh, well that's interesting. What was his career?"),
    ]  # fmt: skip
    assert ("Stuart Yeager", "interviewer", "He was the second black graduate.") in said


def test_a_word_in_the_labels_case_inside_a_sentence_is_not_a_label():
    """Only after a sentence's end, and only a label that opens three lines: "she spoke
    French: fluently" is words, and so is a name of a label used twice."""
    text = (
        "Yeager: Did she travel?\n\nFrench: Yes, and she spoke French: fluently, too.\n\n"
        "Yeager: Where?\n\nFrench: In Paris. Lamb: was he there?\n\nYeager: Thank you.\n"
    )
    got = turns(text, **PEOPLE)
    assert ("Rebecca Conard French", "interviewee",
            "Yes, and she spoke French: fluently, too.") in got  # fmt: skip
    assert ("Rebecca Conard French", "interviewee", "In Paris. Lamb: was he there?") in got


# ncssmmolib/children-of-the-struggle-oral-history, _data/transcripts/forney.csv: Oral History
# as Data's columns, a blank time, a bracketed pause; the other headers are the exports of
# diarization pipelines and transcript editors (speaker/start/end/text in any order)
OHD = (
    "speaker,timestamp,words,tags\r\n"
    'Claude Sitton,0:02,"Today is October the first, 2015 and I’m Claude Sitton.",\r\n'
    "Charles Forney,0:16,Well my name is Charles William Forney Jr.,\r\n"
    "Claude Sitton,,Alright and what was going on?,\r\n"
    'Charles Forney,0:54,"Well I had 28 tumors [pause] at that time, and so on.",\r\n'
)


def test_a_table_of_turns_in_csv():
    got = converted(OHD, "forney.csv", interviewee="Charles Forney", interviewer="Claude Sitton")
    s = got.source
    assert got.format == "csv"
    assert [(t.speaker.name, t.speaker.role) for t in s.turns] == [
        ("Claude Sitton", "interviewer"), ("Charles Forney", "interviewee"),
    ] * 2  # fmt: skip
    assert s.text[s.turns[1].start : s.turns[1].end].strip() == (
        "Well my name is Charles William Forney Jr."
    )
    assert s.time_of(s.turns[1].start, s.turns[1].end)["start"] == "00:00:16.000"
    found = Searcher([s]).search("Well I had 28 tumors at that time", SearchOptions())
    assert found.found and found.matches[0].speaker.role == "interviewee"
    assert not Searcher([s]).search("Well I had 18 tumors at that time", SearchOptions()).found


@pytest.mark.parametrize(
    "table",
    [
        "Speaker,Start Time,End Time,Transcript\nAnn Lee,00:00:01,00:00:04,Hello there.\n"
        "Bob Ray,00:00:04,00:00:09,Hi Ann.\n,00:00:09,00:00:10,(crosstalk) right\n",
        "start_ms\tend_ms\tspeaker\ttext\n1000\t4000\tAnn Lee\tHello there.\n"
        "4000\t9000\tBob Ray\tHi Ann.\n9000\t10000\t\t(crosstalk) right\n",
    ],
    ids=["diarization-csv", "milliseconds-tsv"],
)
def test_other_tables_of_turns_and_a_row_without_a_speaker(table):
    """Any order of columns, a tab or a comma, milliseconds by the header's name; a row with
    no speaker is nobody's (unattributed), never guessed."""
    s = converted(table, "t.csv", interviewee="Ann Lee").source
    assert [(t.speaker.name, t.speaker.role) for t in s.turns] == [
        ("Ann Lee", "interviewee"), ("Bob Ray", "speaker"), ("Unattributed", "unattributed"),
    ]  # fmt: skip
    assert s.time_of(s.turns[1].start, s.turns[1].end)["start"] == "00:00:04.000"


def test_a_table_without_a_speaker_column_is_refused_saying_what_it_wants():
    with pytest.raises(ReaderError) as info:
        readers.convert(b"date,amount,note\n2020-01-01,3,rent\n", "t.csv", fmt="csv",
                        options={"outlet": "X", "language": "en"})  # fmt: skip
    assert "a speaker column" in str(info.value) and "'date,amount,note'" in str(info.value)


# eklausme/saaze-wendt, content/mag/2019/05-das-modell-…-enden.md: the outlet's name before
# each question, in HTML bold inside Markdown; unlabelled answers; a comment section after
PUBLICO = """---
title: "„Das Modell wird definitiv enden“"
---

_Der tschechische Politiker Jan Zahradil, 56, führt die Allianz in die Europawahl._

<strong>Publico: Herr Zahradil, wie war es in Berlin?</strong>

Interessant und anstrengend.

<strong>Publico: Zu denen gehören Sie nach deren Einschätzung ja auch.</strong>

Ja, natürlich.

<strong>Publico:</strong> <strong>Warum gehört die AfD nicht zu Ihrem Block?</strong>

Weil es Unterschiede gibt.

<h5 class="comments-h"> 8 Kommentare </h5> <ul class="commentlist"><li>
<h6 class="author">Walter Roth</h6>
<p>Nun ja, eine klare Linie wäre was anderes.</p>
</li></ul>
"""


def test_questions_in_html_bold_behind_the_outlets_name():
    """The outlet's name before two bold questions or more is the asker's label, not the
    question's words (with or without a question mark, in one bold run or two); the answers
    are the interviewee's; a comment section's heading ("8 Kommentare") opens back matter."""
    got = turns(PUBLICO, "p.md", outlet="Publico", interviewee="Jan Zahradil", language="de")
    said = [(who, role, words) for who, role, words in got if role != "editor"]
    assert said == [
        ("Publico", "interviewer", "Herr Zahradil, wie war es in Berlin?"),
        ("Jan Zahradil", "interviewee", "Interessant und anstrengend."),
        ("Publico", "interviewer", "Zu denen gehören Sie nach deren Einschätzung ja auch."),
        ("Jan Zahradil", "interviewee", "Ja, natürlich."),
        ("Publico", "interviewer", "Warum gehört die AfD nicht zu Ihrem Block?"),
        ("Jan Zahradil", "interviewee", "Weil es Unterschiede gibt."),
    ]
    assert any("Nun ja" in words for who, role, words in got if role == "editor")


def test_a_label_of_a_family_name_of_two_words():
    """trinker/textreadr, inst/docs/Yasmine_Interview_Transcript.docx: "Abd Rabou:" is Ahmad
    Abd Rabou (nameparser reads "Abd" as a given name; the label is the name's tail)."""
    text = (
        "Hassan: Could you tell me your name?\n\nAbd Rabou: My name is Ahmad Abd Rabou.\n\n"
        "Hassan: Thank you.\n\nAbd Rabou: You are welcome.\n"
    )
    got = turns(text, interviewee="Ahmad Abd Rabou", interviewer="Yasmine Hassan")
    assert got == [
        ("Yasmine Hassan", "interviewer", "Could you tell me your name?"),
        ("Ahmad Abd Rabou", "interviewee", "My name is Ahmad Abd Rabou."),
        ("Yasmine Hassan", "interviewer", "Thank you."),
        ("Ahmad Abd Rabou", "interviewee", "You are welcome."),
    ]


def test_a_timecoded_pdf_whose_questions_are_in_bold():
    """Dawidgrad/Legasee-Oral-History, transcripts/raw/batch_1/Catherine_Avent.pdf: no label
    at all; the questions are set in Helvetica Bold-Oblique, the answers in plain type, each row
    behind a time code. Bold is read from the text layer's fonts; the time codes are the
    table's, left out with a warning, never inside a quotation."""
    path = WILD / "legasee-avent-2011.pdf"
    got = converted(path.read_bytes(), path.name, outlet="Legasee", interviewee="Catherine Avent")
    s = got.source
    assert got.format == "pdf"
    said = [(t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns]
    said = [x for x in said if x[0] != "editor"]
    assert said[0] == ("interviewer", "Catherine could you begin by telling me why you joined "
                       "the WREN’s (WRNS)?")  # fmt: skip
    assert said[1][0] == "interviewee" and said[1][1].startswith("Well I suppose basically")
    assert [r for r, _ in said[:10]] == ["interviewer", "interviewee"] * 5
    stamp = re.compile(r"\b\d{2}:\d{2}:\d{2}\b")  # none in a turn, nor inside a quotation
    assert not [words[:60] for _, words in said if stamp.search(words)]
    assert any("time codes" in w for w in got.warnings)
    m = Searcher([s]).search("Can you tell me what your family thought of you joining the Wrens",
                             SearchOptions()).matches[0]  # fmt: skip
    assert m.speaker.role == "interviewer"


def test_a_word_file_whose_questions_are_in_bold():
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Interview with Ann Lee")
    for q, a in [("Where did you grow up?", "In Leeds, near the river."),
                 ("What did your father do?", "He was a teacher.")]:  # fmt: skip
        document.add_paragraph().add_run(q).bold = True
        document.add_paragraph(a)
    buf = io.BytesIO()
    document.save(buf)
    got = turns(buf.getvalue(), "lee.docx", interviewee="Ann Lee")
    assert [x for x in got if x[1] != "editor"] == [
        ("Test Outlet", "interviewer", "Where did you grow up?"),
        ("Ann Lee", "interviewee", "In Leeds, near the river."),
        ("Test Outlet", "interviewer", "What did your father do?"),
        ("Ann Lee", "interviewee", "He was a teacher."),
    ]


def test_a_json_export_takes_the_roles_the_options_give():
    text = '[{"speaker": "Ann Lee", "text": "Hello."}, {"speaker": "Bob Ray", "text": "Hi."}]'
    got = turns(text, "t.json", interviewee="Ann Lee", interviewer="Bob Ray")
    assert [(w, r) for w, r, _ in got] == [("Ann Lee", "interviewee"), ("Bob Ray", "interviewer")]
