"""Who speaks, for the conventions the blind sets files41 and files42 brought (issue 12), each
failing before the change:

- an Akoma Ntoso debate (the OASIS LegalDocML XML parliaments publish: South Africa's joint
  sitting, ``<speech by="#id"><from>The SPEAKER</from><p>…``), read by its own reader;
- a committee's JSON whose turns are one list among the record's fields (``{"speeches":
  [{"personname", "party", "text"}], "meetingdate": …}``, the Parliamentary Monitoring Group's);
- a Computer History Museum oral history: ``<Laughs>`` in angle brackets (a note, not HTML),
  "END OF INTERVIEW" under the last answer, a page's head whose count runs onto the next line
  ("… Page 17 of" ⏎ "18");
- a Spanish interview whose labels drop their colon now and then ("**Santiago** ¿Lees…?").
"""

from __future__ import annotations

import json
from pathlib import Path

from quotecli import readers
from quotecli.readers import pages
from quotecli.readers.builder import parse_roles
from quotecli.search import Searcher, SearchOptions

WILD = Path(__file__).resolve().parent / "fixtures" / "wild"


def source(raw: bytes | str, name: str, roles=None, **options):
    raw = raw if isinstance(raw, bytes) else raw.encode("utf-8")
    given = parse_roles(tuple(f"{k}={v}" for k, v in (roles or {}).items()))
    return readers.convert(raw, name, options=options, roles=given)


def turns(s) -> list[tuple[str, str, str]]:
    return [(t.speaker.name, t.speaker.role, s.text[t.start : t.end]) for t in s.turns]


# mysociety/za-hansard, za_hansard/tests/test_inputs/hansard/502914_1.xml
SITTING = WILD / "za-joint-sitting-sona-2013-02-14.xml"


def test_an_akoma_ntoso_debate():
    got = source(SITTING.read_bytes(), SITTING.name, roles={"The SPEAKER": "interviewer"})
    assert got.format == "akn"
    s = got.source
    assert (s.outlet, s.date, s.language) == ("ZA Parliament", "2013-02-14", "en")  # its own
    said = turns(s)
    speakers = [(who, role) for who, role, _ in said if role != "editor"]
    assert speakers == [
        ("The SPEAKER", "interviewer"), ("The PRESIDENT OF THE REPUBLIC", "speaker"),
        ("The SPEAKER", "interviewer"), ("The CHAIRPERSON OF THE NCOP", "speaker"),
    ]  # fmt: skip
    record = [w for _, role, w in said if role == "editor"]
    assert record[:2] == ["Thursday, 14 February 2013", "PROCEEDINGS AT JOINT SITTING"]
    assert record[-1] == "The Joint Sitting rose at 20:28"
    # the record's English after a passage in isiZulu is its note, no one's words
    searcher = Searcher([s])
    hit = searcher.search("Where are you? Where are you? People want to see you.", SearchOptions())
    assert not hit.found or hit.matches[0].speaker.role == "editor"
    hit = searcher.search("let me apologise in advance. I have the flu.", SearchOptions())
    assert hit.found and hit.matches[0].speaker.name == "The PRESIDENT OF THE REPUBLIC"


def test_an_akoma_ntoso_speech_without_paragraphs():
    # SayIt's exports set the words in <speech> itself and name people by reference only
    xml = """<akomaNtoso><debate name="Interview"><meta><references>
    <TLCPerson href="/p/a" id="audrey" showAs="Audrey Tang"/>
    <TLCPerson href="/p/h" id="host" showAs="Host"/></references></meta>
    <debateBody><debateSection><heading>An interview</heading>
    <speech by="#host">What do you do all day?</speech>
    <speech by="#audrey"><from>Audrey Tang</from><p>I listen.</p><p>Then I write.</p></speech>
    <narrative>(Laughter)</narrative></debateSection></debateBody></debate></akomaNtoso>"""
    s = source(xml, "t.xml", outlet="PDIS", language="en").source
    assert turns(s) == [
        ("PDIS", "editor", "An interview"),
        ("Host", "speaker", "What do you do all day?"),
        ("Audrey Tang", "speaker", "I listen.\n\nThen I write."),
        ("PDIS", "editor", "(Laughter)"),
    ]


def test_json_turns_among_the_records_fields():
    meeting = {
        "speeches": [
            {"personname": "R Nyalungu", "party": "ANC", "text": "Ms R Nyalungu said no."},
            {"personname": "N Twala", "party": "ANC", "text": "The Chairperson concluded."},
        ],
        "meetingdate": "18 Jun 2013",
        "committeename": "Agriculture, Forestry and Fisheries",
    }
    s = source(json.dumps(meeting), "m.json", outlet="PMG", language="en").source
    assert [(who, w) for who, _, w in turns(s)] == [
        ("R Nyalungu", "Ms R Nyalungu said no."), ("N Twala", "The Chairperson concluded.")
    ]  # fmt: skip


# SeanC55417/Oral-History-of-CS, Oral History of CS/data/processed/chm-allen-2008.txt (cut)
HEAD = "CHM Ref: X5006.2009        © 2008 Computer History Museum        Page {n} of {of}"
ORAL = "\n".join(
    [
        "Oral History of Fran Allen",
        "",
        "Kossow:  Where they disagreed.",
        "",
        "Allen:  Yeah, disagreed.  <Laughs> ",
        "",
        "Kossow:  What about Future Systems?",
        "",
        "Allen:  Ah ha!  Now there’s a topic.  <Laughs>  That’s true.  I was involved with",
        HEAD.format(n=16, of=""),
        "18",
        "future systems for a short time.",
        "",
        HEAD.format(n=17, of=""),
        "18",
        "Kossow:  Thank you.",
        "",
        HEAD.format(n=18, of=""),
        "18",
        "Fran Allen:  Yeah.  Good.  ",
        "END OF INTERVIEW ",
    ]
)


def test_an_oral_history_of_the_computer_history_museum():
    assert set(pages.running_heads(ORAL)) >= {HEAD.format(n=16, of="").strip(), "18"}
    s = source(ORAL, "allen.txt", outlet="CHM", language="en",
               interviewee="Fran Allen", interviewer="Al Kossow").source  # fmt: skip
    said = turns(s)
    allen = [w for who, _, w in said if who == "Fran Allen"]
    assert allen[0] == "Yeah, disagreed. [<Laughs>]"  # the note kept, marked as a note
    assert "Page 16" not in allen[1] and allen[1].endswith("for a short time.")
    assert allen[-1] == "Yeah.  Good."  # as printed
    assert said[-1][1:] == ("editor", "END OF INTERVIEW")


# santiagobasulto/santiagobasulto.github.com, _posts/2012-08-12-entrevista-angel-java-lopez.md
SPANISH = """**Santiago**: ¿Cómo arrancás a programar?

**Angel**: Arranco con `i`, `l` y después refactoreo.

**Santiago** ¿Lees código de otros?

**Angel**: Sí, porque a veces te pasan un proyecto. Yo uso **AJGenesis** también.
"""


def test_a_bold_label_that_drops_its_colon():
    s = source(SPANISH, "e.md", outlet="Blog", language="es",
               roles={"Santiago": "interviewer", "Angel": "interviewee"}).source  # fmt: skip
    assert [(who, w) for who, _, w in turns(s)] == [
        ("Santiago", "¿Cómo arrancás a programar?"),
        ("Angel", "Arranco con i, l y después refactoreo."),
        ("Santiago", "¿Lees código de otros?"),
        ("Angel", "Sí, porque a veces te pasan un proyecto. Yo uso AJGenesis también."),
    ]
