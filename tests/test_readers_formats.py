"""Readers on real transcripts written by others (../shared/corpus/formats, issue 7).

One file of each format is converted, then searched: speakers, metadata and one quotation
found and attributed to the right person. Data: see ../shared/corpus/README.md for each file's
source and licence (PM&C CC BY 3.0 AU, US public domain, Assemblée nationale, Changelog Media
CC BY-SA 4.0, seenunseen-whisper MIT).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quotecli import readers, transcript
from quotecli.readers import builder as draft
from quotecli.readers import dialogue, subtitles
from quotecli.search import Searcher, SearchOptions

FORMATS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "formats"
needs_corpus = pytest.mark.skipif(
    not FORMATS.is_dir(), reason="../shared/corpus/formats is not beside the repository"
)

# file, options, format, id, date, outlet, {speaker name: role}, phrase, its speaker
CASES = [
    ("transcript-40598.xml", {}, "pm-xml", "pm-40598", "2016-11-17",
     "PM Transcripts (Department of the Prime Minister and Cabinet)",
     {"Malcolm Turnbull": "interviewee", "Journalist": "interviewer"},
     "we best honour the Diggers of 1916", "Malcolm Turnbull"),
    ("transcript-24173.xml", {}, "pm-xml", "pm-24173", "2015-02-05", None,
     {"Tony Abbott": "interviewee", "Paul Murray": "interviewer"},
     "politics is about perception", "Paul Murray"),
    ("transcript-11501.xml", {}, "pm-xml", "pm-11501", "2000-06-25", None,
     {"John Howard": "interviewee", "Journalist": "interviewer"},
     "it was just a scene of great devastation", "John Howard"),
    ("transcript-15569.xml", {}, "pm-xml", "pm-15569", "2007-09-05", None,
     {"John Howard": "interviewee", "President Bush": "interviewee"},
     "I admire your vision, I admire your courage", "President Bush"),
    ("transcript-40331.xml", {}, "pm-xml", "pm-40331", "2016-04-28", None,
     {"Malcolm Turnbull": "interviewee", "Anna Dare": "interviewer"}, None, None),
    ("transcript-1797.xml", {}, "pm-xml", "pm-1797", "1968-03-14", None,
     {"John Gorton": "interviewee"},
     "his ashes be scattered over Canberra", "John Gorton"),
    ("CREC-2005-07-20-pt1-PgS8536.htm", {}, "crec", "crec-2005-07-20-pt1-pgs8536",
     "2005-07-20", "Congressional Record",
     {"Mr. Warner": "speaker", "Mr. Levin": "speaker", "The Presiding Officer": "speaker"},
     "The glory days", "Mr. Levin"),
    ("CREC-2005-07-20-pt1-PgH6183.htm", {}, "crec", "crec-2005-07-20-pt1-pgh6183",
     "2005-07-20", "Congressional Record",
     {"Mr. Brown of Ohio": "speaker", "Mr. Otter": "speaker"},
     "I thank the gentleman for yielding the time", "Mr. Otter"),
    ("20130129.txt", {}, "assemblee", "20130129", "2013-02-02", "Assemblée nationale",
     {"Claude Bartolone": "speaker", "Julien Aubert": "speaker", "Christiane Taubira": "speaker"},
     "Nous avons abordé à plusieurs reprises la question de la clause de conscience",
     "Julien Aubert"),
    ("20130129.xml", {}, "tei", "20130129", "2013-02-02", "Assemblée nationale",
     {"Claude Bartolone": "speaker", "Julien Aubert": "speaker", "Christiane Taubira": "speaker"},
     "Nous avons abordé à plusieurs reprises la question de la clause de conscience",
     "Julien Aubert"),
    ("the-changelog-300.md", {"outlet": "The Changelog", "date": "2018-05"}, "markdown",
     "the-changelog-300", "2018-05", "The Changelog",
     {"Jerod Santo": "speaker", "Zed Shaw": "speaker", "Adam Stacoviak": "speaker"},
     "living two lives, just like a serial killer", "Zed Shaw"),
    ("go-time-100.md", {"outlet": "Go Time"}, "markdown", "go-time-100", None, "Go Time",
     {"Rob Pike": "speaker", "Robert Griesemer": "speaker"}, None, None),
    ("E100.mp3.vtt", {"outlet": "The Seen and the Unseen"}, "vtt", "e100", None,
     "The Seen and the Unseen", {"Amit Varma": "speaker", "Guest": "interviewee"},
     "my epitaph could be, here lies a man who waited and waited", "Amit Varma"),
]  # fmt: skip


@needs_corpus
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_format_converts_with_speakers_metadata_and_a_found_quotation(case):
    name, options, fmt, sid, date, outlet, speakers, phrase, who = case
    got = readers.convert((FORMATS / name).read_bytes(), name, options=options)
    assert got.format == fmt
    assert got.id == sid
    source = transcript.parse(got.text, name)
    assert source.date == date
    if outlet:
        assert source.outlet == outlet
    roles = {s.name: s.role for s in source.speakers}
    for person, role in speakers.items():
        assert roles.get(person) == role, (person, roles)
    if phrase:
        result = Searcher([source]).search(phrase, SearchOptions())
        assert result.found, phrase
        assert result.matches[0].speaker.name == who


@needs_corpus
def test_damaged_ocr_labels_are_the_clean_labels_speaker_marked_and_reported():
    got = readers.convert((FORMATS / "transcript-4010.xml").read_bytes(), "transcript-4010.xml")
    source = transcript.parse(got.text, "x")
    assert any("'RIME MINISTER' looks damaged: read as 'PRIME MINISTER'" in w for w in got.warnings)
    damaged = next(s for s in source.speakers if "RIME MINISTER" in s.labels)
    assert (damaged.name, damaged.role, damaged.title) == (
        "Malcolm Fraser",
        "interviewee",
        "damaged label",
    )
    clean = next(s for s in source.speakers if "PRIME MINISTER" in s.labels)
    assert clean.id == "malcolm-fraser" and clean.title == "Prime Minister"
    asker = next(s for s in source.speakers if "TERVIEWER" in s.labels)  # never the PM's
    assert (asker.role, asker.title) == ("interviewer", "damaged label")


@needs_corpus
def test_vtt_matches_carry_the_joined_cue_times():
    got = readers.convert(
        (FORMATS / "E100.mp3.vtt").read_bytes(), "E100.mp3.vtt", options={"outlet": "S&U"}
    )
    source = transcript.parse(got.text, "e100")
    options = SearchOptions(span="match")
    m = Searcher([source]).search("my epitaph could be here lies a man", options).matches[0]
    # "In fact, my epitaph could be," (00:00:33–34) + "Here lies a man…" (00:00:34–36)
    assert m.time == {"start": "00:00:33.000", "end": "00:00:36.000"}
    assert m.to_json()["time"] == m.time


@needs_corpus
def test_tei_interruptions_become_editor_notes():
    got = readers.convert((FORMATS / "20130129.xml").read_bytes(), "20130129.xml")
    assert "[Rires sur plusieurs bancs du groupe UMP.]" in got.text


def test_srt_with_voice_and_name_prefixes():
    srt = (
        "1\n00:00:01,000 --> 00:00:03,500\nHOST: Welcome back to the show.\n\n"
        "2\n00:00:03,500 --> 00:00:06,000\n<v Ada Lovelace>Thank you, it is a pleasure\n\n"
        "3\n00:00:06,000 --> 00:00:08,000\nto be here at last.\n"
    )
    got = readers.convert(srt.encode(), "ep.srt", options={"outlet": "Radio", "language": "en"})
    assert got.format == "srt"
    source = transcript.parse(got.text, "ep")
    assert [s.name for s in source.speakers] == ["Host", "Ada Lovelace"]
    m = Searcher([source]).search("a pleasure to be here", SearchOptions(span="match")).matches[0]
    assert m.speaker.name == "Ada Lovelace"
    assert m.time == {"start": "00:00:03.500", "end": "00:00:08.000"}


@pytest.mark.parametrize(
    ("options", "roles"),
    [
        (
            {"interviewee": "Ada Lovelace"},
            {"Bo Host": "interviewer", "Ada Lovelace": "interviewee"},
        ),
        ({"interviewer": "Bo Host"}, {"Bo Host": "interviewer", "Ada Lovelace": "interviewee"}),
        ({"interviewer": "Ada"}, {"Bo Host": "speaker", "Ada Lovelace": "speaker"}),  # no such name
        ({}, {"Bo Host": "speaker", "Ada Lovelace": "speaker"}),
    ],
)
@pytest.mark.parametrize("ext", ["vtt", "srt"])
def test_issue12_subtitle_speakers_take_the_roles_the_options_give(ext, options, roles):
    sep = "." if ext == "vtt" else ","
    cues = [("Bo Host", "Welcome back."), ("Ada Lovelace", "Thank you."),
            ("Bo Host", "Why engines?"), ("Ada Lovelace", "They compute.")]  # fmt: skip
    body = "".join(
        f"{n + 1}\n00:00:0{n}{sep}000 --> 00:00:0{n + 1}{sep}000\n<v {who}>{words}\n\n"
        for n, (who, words) in enumerate(cues)
    )
    raw = ("WEBVTT\n\n" if ext == "vtt" else "") + body
    got = readers.convert(
        raw.encode(), f"ep.{ext}", options={"outlet": "Radio", "language": "en", **options}
    )
    source = transcript.parse(got.text, "ep")
    assert {s.name: s.role for s in source.speakers} == roles
    m = Searcher([source]).search("They compute", SearchOptions()).matches[0]
    assert (m.speaker.name, m.speaker.role) == ("Ada Lovelace", roles["Ada Lovelace"])


def test_markdown_front_matter_gives_metadata():
    md = (
        "---\ntitle: On quoting\ndate: 2024-03-05\nshow: Quote Cast\nlang: en\n---\n\n"
        "**Ann Host:** Why do quotes go wrong? \\[00:10\\]\n\n**Bo Guest:** Memory is a liar.\n\n"
        "And people trust it anyway.\n"
    )
    got = readers.convert(md.encode(), "ep1.md", roles={"bo guest": "guest"})
    source = transcript.parse(got.text, "ep1")
    assert (source.title, source.date, source.outlet) == ("On quoting", "2024-03-05", "Quote Cast")
    assert {s.name: s.role for s in source.speakers}["Bo Guest"] == "guest"
    assert "00:10" not in got.text  # a time inside the words is not the speaker's words
    assert len(source.turns) == 2 and len(source.turns[1].paragraphs) == 2


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("JOURNALIST: Prime Minister, why?", ("JOURNALIST", "Prime Minister, why?")),
        ("PRIME MINISTER :", ("PRIME MINISTER", "")),
        ("Q: Pourquoi ?", ("Q", "Pourquoi ?")),
        ("MINISTER FOR VETERANS’ AFFAIRS:", ("MINISTER FOR VETERANS’ AFFAIRS", "")),
        ("Subjects: Childers fire tragedy.", None),
        ("SUBJECTS: tax", None),
        ("At 10:30 we met.", None),
    ],
)
def test_dialogue_labels(line, expected):
    assert dialogue.label_of(line) == expected


def test_plain_text_dialogue_with_labels_alone_and_continuations():
    text = "JOURNALIST:\n\nWill you run?\n\nMARY ROE: Yes.\n\nI will run again.\n"
    got = readers.convert(text.encode(), "roe.txt", options={"outlet": "Radio X", "language": "en"})
    assert got.format == "dialogue"
    source = transcript.parse(got.text, "roe")
    assert [(t.speaker.name, len(t.paragraphs)) for t in source.turns] == [
        ("Journalist", 1),
        ("Mary Roe", 2),
    ]


def test_missing_outlet_is_an_error_that_says_what_to_pass():
    with pytest.raises(draft.ReaderError, match="pass --outlet OUTLET --language LANGUAGE"):
        readers.convert(b"WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>Hi there.\n", "a.vtt")


def test_subtitles_without_names_have_no_speakers():
    with pytest.raises(draft.ReaderError, match="no speakers"):
        subtitles.read("WEBVTT\n\n00:01.000 --> 00:02.000\nHello there.\n")


@pytest.mark.parametrize("change", ["- ", ">> ", ">>"])
def test_issue12_a_change_of_speaker_in_a_cue_names_nobody(change):
    vtt = (
        "WEBVTT\n\n00:01.000 --> 00:03.000\n[Ann Host]: Today we talk about bridges.\n\n"
        f"00:03.000 --> 00:05.000\n{change}And about the roads.\n\n"
        "00:05.000 --> 00:07.000\nThat lead to them.\n\n"
        f"00:07.000 --> 00:09.000\n{change}ANN HOST: Quite so.\n"
    )
    draft = subtitles.read(vtt, unnamed="unattributed")
    said = [(draft.speakers[label].name, paragraphs[0]) for label, paragraphs, _ in draft.turns]
    assert said == [
        ("Ann Host", "Today we talk about bridges."),
        ("Unattributed", "And about the roads.\nThat lead to them."),
        ("Ann Host", "Quite so."),
    ]


def test_press_reader_output_for_the_seed_is_unchanged():
    from quotecli.readers import press

    seed = (
        Path(__file__).resolve().parents[2] / "shared" / "seeds" / "la-tribune-2024-02-ferrari.txt"
    )
    if not seed.exists():
        pytest.skip("../shared/seeds is not beside the repository")
    bundled = Path(__file__).resolve().parents[1] / "data" / "la-tribune-2024-02-ferrari.quote.txt"
    out = press.to_transcript(
        seed.read_text(encoding="utf-8"),
        source_id="la-tribune-2024-02-ferrari",
        outlet="La Tribune",
        interviewee_title="secrétaire d'État chargée du Numérique",
    )
    assert out == bundled.read_text(encoding="utf-8")


def test_sounds_in_caption_text_are_the_captioners_notes():
    """ "(laughing)" inside a cue is never a speaker's words (a real YouTube caption export,
    blind files6 set); a parenthesis that is speech stays."""
    vtt = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n>> Welcome back (laughing) to the show.\n\n"
        "00:00:04.000 --> 00:00:08.000\n>> And the number (which we said) is seven.\n"
    )
    got = readers.convert(vtt.encode(), "show.vtt", options={"outlet": "Show", "language": "en"})
    assert "[(laughing)]" in got.text and "(which we said) is seven" in got.text
    assert "[(which we said)]" not in got.text


def test_a_change_of_speaker_inside_a_cue_opens_a_turn():
    """ ">> Hey. >> Hello." (a real YouTube caption export, blind files6): two voices, two
    unattributed turns; the marks are in nobody's words."""
    vtt = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n>> Hey. >> Hello.\n\n"
        "00:00:04.000 --> 00:00:08.000\n>> Awesome to be here, a->b >>= c.\n"
    )
    got = readers.convert(vtt.encode(), "show.vtt", options={"outlet": "Show", "language": "en"})
    source = got.source
    said = [" ".join(source.text[t.start : t.end].split()) for t in source.turns]
    assert said == ["Hey.", "Hello.", "Awesome to be here, a->b >>= c."]
    assert {t.speaker.role for t in source.turns} == {"unattributed"}
