"""The general turn reader (issue 12): label shapes, front matter, refusals, office files."""

from __future__ import annotations

import io

import pytest

from quotecli import readers, transcript
from quotecli.readers import artefacts, frontmatter, labels, people, seen, turns
from quotecli.readers.builder import ReaderError
from quotecli.search import Searcher, SearchOptions

OPTS = {"outlet": "Radio X", "language": "en"}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Emma  0:00", ("Emma", "", "0:00", "otter")),
        ("Unknown Speaker  4:21", ("Unknown Speaker", "", "4:21", "otter")),
        ("**Ali** 0:00", ("Ali", "", "0:00", "bold-time")),
        ("**Ann Lee** [00:01:02] Hello.", ("Ann Lee", "Hello.", "00:01:02", "bold-time")),
        ("*Bo (00:10)* Hi.", ("Bo", "Hi.", "00:10", "emph-time")),
        ("0:00:14.3 **Jen Luker** 3.", ("Jen Luker", "3.", "0:00:14.3", "time-bold")),
        ("[00:00:41] CC: Hi, everybody.", ("CC", "Hi, everybody.", "00:00:41", "time-name")),
        ("Ann Lee (00:01:02): Hello.", ("Ann Lee", "Hello.", "00:01:02", "name-time")),
        ("**Kelly:** Hi", ("Kelly", "Hi", None, "bold")),
        ("**(Kelly)** Bienvenue", ("Kelly", "Bienvenue", None, "bold-paren")),
        ("<b>THE CLERK</b>: Counsel.", ("THE CLERK", "Counsel.", None, "html-bold")),
        ("**CRAIG BOX: How are we doing?**", ("CRAIG BOX", "How are we doing?", None,
                                            "bold-question")),
        ("M. Dupont. – Je réponds.", ("M. Dupont", "Je réponds.", None, "dash")),
        ("LE PRÉSIDENT. – La séance est ouverte.", ("LE PRÉSIDENT", "La séance est ouverte.",
                                                   None, "dash")),
        ("Frédéric Guimier\u00a0: Nous avons", ("Frédéric Guimier", "Nous avons", None, "colon")),
        ("THE COURT: Be seated.", ("THE COURT", "Be seated.", None, "colon")),
        ("Mme Dupont : Oui.", ("Mme Dupont", "Oui.", None, "colon")),
        ("MR. CARTER: This case", ("MR. CARTER", "This case", None, "colon")),
        ("Speaker 1: Hello", ("Speaker 1", "Hello", None, "colon")),
        ("Q. Good morning.", ("Q", "Good morning.", None, "colon")),
        ("== Mark Dominus", ("Mark Dominus", "", None, "header")),
        (" >> Agh! Sorry.", ("", "Agh! Sorry.", None, "chevron")),
        ("Note: this is not a speaker", None),
        ("Update: the talk moved", None),
        ("**Author**: Craig Box", None),
        ("so the answer is: yes", None),
        ("final report: <http://x>", None),
        ("SENATE MEMBERS PRESENT:", None),
        # the French official record (Sénat, Journal officiel): title, name, a period
        ("M. le président. La séance est ouverte.", ("M. le président", "La séance est ouverte.",
                                                     None, "record-fr")),
        ("Mme Hélène Luc. C'est scandaleux !", ("Mme Hélène Luc", "C'est scandaleux !", None,
                                               "record-fr")),
        ("M. Hervé Gaymard, secrétaire d'Etat. Monsieur le président,",
         ("M. Hervé Gaymard", "Monsieur le président,", None, "record-fr")),
        ("M. le président. Ouverture de la séance (p. 2330).", None),  # the contents
        ("M. Dupont a dit. Puis il est parti.", None),
        # the US record: surname in capitals, then a period
        ("Mr. LIMAN. Colonel North, were you asked?", ("Mr. LIMAN", "Colonel North, were you "
                                                       "asked?", None, "record")),
        ("The CHAIRMAN. The committee will come to order.",
         ("The CHAIRMAN", "The committee will come to order.", None, "record")),
        ("Senator INOUYE. Thank you.", ("Senator INOUYE", "Thank you.", None, "record")),
        ("Mr. Smith. He came.", None),
        ("[Speaker 1] [00:17] So, Brigitte,", ("Speaker 1", "So, Brigitte,", "00:17",
                                                "bracket-time")),
        ("[laughter] [00:12] yes", None),
    ],
)  # fmt: skip
def test_label_shapes(line, expected):
    found = labels.find(line)
    assert (tuple(found) if found else None) == expected


def test_a_french_record_s_title_is_the_speakers_and_its_contents_nobodys():
    text = (
        "SOMMAIRE\n\nM. le président. Ouverture de la séance (p. 2330).\n\n"
        "M. le président. La séance est ouverte.\n\n"
        "(La séance est ouverte à neuf heures trente.)\n\n"
        "M. Hervé Gaymard, secrétaire d'Etat. Le Gouvernement est favorable.\n\n"
        "M. le président. La parole est à M. Chérioux.\n\n"
        "M. Hervé Gaymard, ministre. Merci !\n"
    )
    got, source = _convert(text, language="fr")
    by = {sp.name: sp for sp in source.speakers}
    assert by["M. Hervé Gaymard"].title == "secrétaire d'Etat"
    # every label the member goes by, as printed (blind files7's Sénat page)
    assert by["M. Hervé Gaymard"].labels == (
        "M. Hervé Gaymard", "M. Hervé Gaymard, secrétaire d'Etat", "M. Hervé Gaymard, ministre",
    )  # fmt: skip
    assert {sp.role for sp in source.speakers} <= {"speaker", "editor", "unattributed"}
    roles = {" ".join(source.text[t.start : t.end].split()): t.speaker.role for t in source.turns}
    assert roles["(La séance est ouverte à neuf heures trente.)"] == "editor"
    assert roles["M. le président. Ouverture de la séance (p. 2330)."] == "editor"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\\[01:22\\] Yeah, great.", ("Yeah, great.", "01:22")),
        ("so databases \\[16:13\\] are hard", ("so databases are hard", None)),
        ("[00:04:02.17] It would", ("It would", "00:04:02.17")),
        ("[laughter] no time here", ("[laughter] no time here", None)),
    ],
)
def test_bracketed_times_leave_the_words(text, expected):
    assert labels.untimed(text) == expected


def test_a_changelog_time_is_the_turns_start_never_in_a_quotation():
    md = (
        "**Jerod Santo:** \\[01:22\\] Welcome back, friends.\n\n"
        "**Adam Stacoviak:** So databases \\[16:13\\] are hard.\n\n"
        "\\[18:40\\] And another thing about them.\n\n**Break:** \\[20:00\\]\n\n"
        "**Jerod Santo:** Right.\n"
    )
    got = readers.convert(md.encode(), "cl.md", options=OPTS)
    source = got.source
    words = " ".join(source.text[p.start : p.end] for t in source.turns for p in t.paragraphs)
    assert "16:13" not in words and "18:40" not in words and "[" not in words
    starts = [dict(t.attrs).get("start") for t in source.turns]
    assert starts[:3] == ["01:22", None, "18:40"]
    m = Searcher([source]).search("So databases are hard", SearchOptions(span="match"))
    assert m.found and m.matches[0].speaker.name == "Adam Stacoviak"


def test_numbered_voices_are_not_damaged_copies_of_each_other():
    got, _ = _convert("Speaker 1:\nHello there.\n\nSpeaker 2:\nHi.\n\nSpeaker 1:\nSo.\n")
    assert not [w for w in got.warnings if "damaged" in w]


@pytest.mark.parametrize(
    ("standfirst", "guests", "hosts"),
    [
        ("In this SIG Node spotlight, Arpit Agrawal talked with Mrunal Patel, Sergey Kanzhelev "
         "and Dawn Chen.", ["Mrunal Patel", "Sergey Kanzhelev", "Dawn Chen"], ["Arpit Agrawal"]),
        ("This week our guest Renee Wynn tells us about NASA.", ["Renee Wynn"], []),
        ("Dans cet épisode, je reçois Marie Dupont.", ["Marie Dupont"], []),
        ("A show hosted by Jane Doe and John Roe.", [], ["Jane Doe", "John Roe"]),
        ("We talk about the weather.", [], []),
    ],
)  # fmt: skip
def test_the_standfirst_names_its_guests_and_hosts(standfirst, guests, hosts):
    from quotecli.readers.standfirst import standfirst_people

    assert standfirst_people(standfirst) == (guests, hosts)


def test_of_two_speakers_the_one_who_asks_is_the_interviewer():
    two = (
        "Ann Lee: How did you start?\n\nBo Park: At Google.\n\nAnn Lee: And then?\n\n"
        "Bo Park: I left.\n\nAnn Lee: Why?\n\nBo Park: It was time.\n"
    )
    _, source = _convert(two)
    assert {sp.name: sp.role for sp in source.speakers if sp.role != "editor"} == {
        "Ann Lee": "interviewer", "Bo Park": "interviewee",
    }  # fmt: skip
    three = two + "\nCy Diaz: Really? You left?\n\nCy Diaz: Why?\n\nCy Diaz: When?\n"
    _, source = _convert(three)  # a panel: nobody's role is read from the questions
    assert {sp.role for sp in source.speakers if sp.role != "editor"} == {"speaker"}


_COHOSTS = (
    "---\nhosts:\n  - Ann Lee\n---\n\n"
    "Ann Lee: Welcome back. Bo is here with me.\n\n"
    "Bo Park: Hi. Today we have a special guest with us, Cy Diaz. Cy, who are you?\n\n"
    "Cy Diaz: I build bridges.\n\nAnn Lee: Why bridges?\n\nCy Diaz: They last.\n\n"
    "Bo Park: And roads?\n\nCy Diaz: Less so.\n"
)


@pytest.mark.parametrize(
    ("text", "options", "roles"),
    [
        # issue 12: a co-host the front matter does not list introduces the guest
        (_COHOSTS, {},
         {"Ann Lee": "interviewer", "Bo Park": "interviewer", "Cy Diaz": "interviewee"}),
        # the same with the host named on the command line
        (_COHOSTS.split("---\n\n", 1)[1], {"interviewer": "Ann Lee"},
         {"Ann Lee": "interviewer", "Bo Park": "interviewer", "Cy Diaz": "interviewee"}),
        # "joining me": the one who says it hosts, the one named is the guest; the third voice
        # is neither introduced nor hosting, so nobody guesses: a speaker
        ("Ann Lee: Joining me today is Cy Diaz.\n\nCy Diaz: Hello.\n\nBo Park: Hi all.\n\n"
         "Cy Diaz: I build bridges.\n\nBo Park: Me too.\n\nAnn Lee: Thanks.\n",
         {"interviewer": "Ann Lee"},
         {"Ann Lee": "interviewer", "Cy Diaz": "interviewee", "Bo Park": "speaker"}),
        # one voice besides the host: still the guest
        ("Ann Lee: Hello.\n\nCy Diaz: Hello.\n\nAnn Lee: So?\n\nCy Diaz: So.\n",
         {"interviewer": "Ann Lee"},
         {"Ann Lee": "interviewer", "Cy Diaz": "interviewee"}),
        # a moderator and a panel that nobody introduces: the panel answers
        ("Ann Lee: Who trades?\n\nBo Park: Nobody.\n\nCy Diaz: Me.\n\nAnn Lee: Why?\n\n"
         "Bo Park: Losses.\n\nCy Diaz: Gains.\n",
         {"interviewer": "Ann Lee"},
         {"Ann Lee": "interviewer", "Bo Park": "interviewee", "Cy Diaz": "interviewee"}),
    ],
)  # fmt: skip
def test_a_co_host_is_not_taken_for_a_guest(text, options, roles):
    _, source = _convert(text, **options)
    assert {s.name: s.role for s in source.speakers if s.role != "editor"} == roles


@pytest.mark.parametrize(
    "header",
    [
        'interviewee: "Ann Lee; Bo Park"',
        "interviewee: Ann Lee and Bo Park",
        "guests: Ann Lee & Bo Park",
        "guests:\n  - Ann Lee\n  - Bo Park",
        "title: Bridges with Ann Lee and Bo Park",
    ],
)
def test_a_front_matter_field_naming_two_people_gives_two_interviewees(header):
    # issue 12: "A; B" was one guest named "A; B", matching no label
    text = (
        f"---\n{header}\n---\n\nCY DIAZ: Why bridges?\n\nANN: They last.\n\n"
        "BO: And they are cheap.\n\nCY DIAZ: Really?\n\nANN: Yes.\n\nBO: No.\n"
    )
    _, source = _convert(text)
    assert {s.name: s.role for s in source.speakers if s.role != "editor"} == {
        "Cy Diaz": "interviewer", "Ann Lee": "interviewee", "Bo Park": "interviewee",
    }  # fmt: skip


def test_the_interviewee_option_may_name_several_people():
    text = "ANN: Hello.\n\nBO: Hi.\n\nCY: Why?\n\nANN: Yes.\n\nBO: No.\n\nCY: So?\n"
    _, source = _convert(text, interviewee="ANN; BO")
    assert {s.name: s.role for s in source.speakers if s.role != "editor"} == {
        "ANN": "interviewee", "BO": "interviewee", "CY": "interviewer",
    }  # fmt: skip


def _convert(text: str, **options):
    got = readers.convert(text.encode(), "t.txt", options={**OPTS, **options})
    return got, transcript.parse(got.text, "t")


def test_otter_labels_keep_their_time_out_of_the_words():
    got, source = _convert("Emma  0:00\nHello there.\n\nUnknown Speaker  0:05\nHi, I am here.\n")
    assert got.format == "turns"
    assert [(t.speaker.name, t.speaker.role, dict(t.attrs)) for t in source.turns] == [
        ("Emma", "speaker", {"start": "0:00"}),
        ("Unknown Speaker", "unattributed", {"start": "0:05"}),
    ]
    assert "0:05" not in source.text[source.turns[1].start : source.turns[1].end]


def test_a_mixed_case_label_counts_only_when_it_recurs():
    text = "Whalepanda: Nobody should trade.\n\nMM: Why?\n\nWhalepanda: You lose money.\n"
    _, source = _convert(text)
    assert [t.speaker.name for t in source.turns] == ["Whalepanda", "MM", "Whalepanda"]
    once = "JOURNALIST: Why?\n\nWarning: this is a note, not a speaker.\n\nJOURNALIST: Well?\n"
    _, source = _convert(once)
    # "Warning" is no one; the page labels its questions only, so the prose after one is
    # the answer (unlabelled answers, "**Question**: …" pages)
    assert [(t.speaker.name, t.speaker.role) for t in source.turns] == [
        ("Journalist", "interviewer"), ("Answer", "interviewee"), ("Journalist", "interviewer")
    ]  # fmt: skip


def test_a_title_before_a_name_is_a_label_said_once():
    _, source = _convert("Mme Dupont : Oui, sans doute.\n\nM. Martin : Non.\n", language="fr")
    assert [t.speaker.name for t in source.turns] == ["Mme Dupont", "M. Martin"]


def test_chevrons_without_a_name_are_unattributed_never_the_last_speaker():
    text = (
        "== Ann Lee\n\n>> Welcome, please greet our speaker.\n\n(applause)\n\n>> Hi, I am here.\n"
    )
    _, source = _convert(text)
    assert [(t.speaker.name, t.speaker.role) for t in source.turns] == [
        ("Ann Lee", "speaker"), ("Radio X", "editor"), ("Unattributed", "unattributed"),
    ]  # fmt: skip
    m = Searcher([source]).search("Hi, I am here", SearchOptions()).matches[0]
    assert m.speaker.role == "unattributed"


def test_yaml_front_matter_people_name_the_labels_and_options_win():
    text = (
        "---\ntitle: Big Data with Felipe Hoffa\ndate: 2015-12-16T16:36:15Z\nhosts:\n"
        "  - Francesc Campoy\n---\n\nFRANCESC: Welcome, Felipe.\n\nFELIPE: Hello.\n"
    )
    _, source = _convert(text, title="Given title")
    assert (source.title, source.date) == ("Given title", "2015-12-16")
    assert {s.name: s.role for s in source.speakers} == {
        "Francesc Campoy": "interviewer", "Felipe Hoffa": "interviewee",
    }  # fmt: skip


def test_toml_front_matter_hugo_keys():
    meta, body = frontmatter.split(
        '+++\ntitle = "Ep 8"\ndate = 2015-12-16T16:36:15Z\nhosts = ["A B"]\n'
        'permalink = "/ep8"\nepisodeNumber = 8\n+++\nBody\n'
    )
    assert meta == {"title": "Ep 8", "date": "2015-12-16", "url": "/ep8", "episode": "8",
                    "people": {"hosts": ["A B"]}}  # fmt: skip
    assert body == "Body\n"


def test_a_hugo_page_is_not_taken_for_a_quote_transcript():
    assert readers.detect('+++\ntitle = "x"\n+++\n\n**Ann:** Hi.\n\n**Bo:** Yo.\n') != "quote"


def test_standfirst_headings_and_show_notes_are_the_editors():
    text = (
        "# Episode 4\n\nIn this episode we talk to [Bo](http://bo.example).\n\n"
        "**Ann:** Welcome, Bo.\n\n## Show notes\n\n- [a link](http://x)\n\n**Bo:** Thanks.\n"
    )
    _, source = _convert(text)
    roles = [(t.speaker.name, t.speaker.role) for t in source.turns]
    assert roles[0] == ("Radio X", "editor") and ("Bo", "speaker") in roles
    for phrase in ("In this episode we talk to Bo", "Show notes"):
        assert Searcher([source]).search(phrase, SearchOptions()).matches[0].speaker.role == (
            "editor"
        )


def test_the_refusal_names_the_labels_seen_most():
    text = "Kamala Harris said: we will win.\n\nThe crowd cheered.\n"
    with pytest.raises(ReaderError, match="no speakers found"):
        turns.read(text)
    msg = seen.refusal("kamala harris: one\n\nkamala harris: two\n")
    assert msg.startswith("no speakers found")


def test_court_reporter_margins_are_layout():
    text = "".join(
        f"{n:>2}            {line}\n\n"
        for n, line in enumerate(
            ["THE COURT:  Be seated.", "Counsel, proceed.", "MR. CARTER:  Thank you,",
             "your Honor."], 1)
    )  # fmt: skip
    got, source = _convert(text)
    assert [t.speaker.name for t in source.turns] == ["The Court", "Mr. Carter"]
    assert Searcher([source]).search("Thank you, your Honor", SearchOptions()).found
    assert any("margin line numbers" in w for w in got.warnings)


def test_docx_goes_through_the_turn_reader():
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in ["THE PRESIDENT:  The Senate will", "come to order.", "THE SECRETARY:  Here."]:
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    got = readers.convert(buf.getvalue(), "floor.docx", options=OPTS)
    source = transcript.parse(got.text, "floor")
    assert got.format == "docx"
    assert [t.speaker.name for t in source.turns] == ["The President", "The Secretary"]
    assert Searcher([source]).search("The Senate will come to order", SearchOptions()).found


def test_a_forced_format_that_finds_nobody_says_which_labels_it_saw():
    text = "KAMALA HARRIS: We will win.\n\nJOURNALIST: When?\n\nKAMALA HARRIS: Soon.\n"
    with pytest.raises(ReaderError) as info:
        readers.convert(text.encode(), "t.md", fmt="qa", options=OPTS)
    assert "labels found: 'KAMALA HARRIS:' 2 times, 'JOURNALIST:' 1 time" in str(info.value)
    assert str(info.value).endswith("— pass --format dialogue")


@pytest.mark.parametrize("fmt", [None, "dialogue", "turns"])
def test_a_refusal_never_asks_for_the_reader_that_refused(fmt):
    """Two labels once each are not taken for labels (a "Note:" in prose would be): the
    refusal says so, instead of asking for --format dialogue, which reads them no better."""
    text = "Interviewer: How many?\n\nGuest: We won by millions of votes.\n"
    with pytest.raises(ReaderError) as info:
        readers.convert(text.encode(), "t.txt", fmt=fmt, options=OPTS)
    message = str(info.value)
    assert "labels found: 'Interviewer:' 1 time, 'Guest:' 1 time" in message
    assert "pass --format" not in message and "a label is taken when it recurs" in message


def test_a_damaged_label_in_plain_text_is_the_clean_ones_marked():
    text = "PRIME MINISTER: Yes.\n\nRIME MINISTER: Indeed.\n\nPRIME MINISTER: So.\n"
    got, source = _convert(text)
    assert any("'RIME MINISTER' looks damaged" in w for w in got.warnings)
    damaged = next(s for s in source.speakers if "RIME MINISTER" in s.labels)
    clean = next(s for s in source.speakers if "PRIME MINISTER" in s.labels)
    assert damaged.title == "damaged label" and damaged.id != clean.id
    assert (damaged.name, damaged.role) == (clean.name, clean.role)


def test_a_sponsor_read_dialogue_is_the_editors():
    text = (
        "**Ann** 0:00\nWelcome to the show.\n\nHey Bo, have you heard of Quote Tool?\n\n"
        "**Bo** 0:05\nTell me more.\n\n**Ann** 0:07\nVisit quote-tool.com to learn more.\n\n"
        "**Bo** 0:10\nSo, my first question.\n"
    )
    _, source = _convert(text)
    who = {p: Searcher([source]).search(p, SearchOptions()).matches[0].speaker
           for p in ("Welcome to the show", "Tell me more", "So, my first question")}  # fmt: skip
    assert (who["Welcome to the show"].name, who["Welcome to the show"].role) == ("Ann", "speaker")
    assert who["Tell me more"].role == "editor" and "sponsor read" in who["Tell me more"].name
    assert who["So, my first question"].role == "speaker"


_SITTING = (
    "M. le président. La parole est à M. Perin.\n\n"
    "M. Georges Perin. Messieurs, je commence. (Très-bien ! très-bien ! à droite.) Or, nous "
    "sommes en nombre.\n\n"
    "M. Henri Villain. Avant d'être député, on est électeur.\n\n"
    "lVJ. Georges Péri». Soit, mais je demanderai alors pourquoi ils sont absents.\n\n"
    "C'est la Constitution qui le veut. (Interruptions diverses.) M. le président. "
    "N'interrompez pas !\n\n"
    "M. Henri Villain. Je proteste (et je le dirai dimanche) contre cela.\n"
)


def _sitting(text: str):
    opts = {"outlet": "JO", "language": "fr", "date": "1881-01-11"}
    got = readers.convert(text.encode(), "seance.txt", options=opts)
    return got, transcript.parse(got.text, "seance")


def test_issue12_an_ocr_damaged_label_opens_a_turn_of_the_member_it_copies():
    got, source = _sitting(_SITTING)
    speakers = [t.speaker.name for t in source.turns]
    assert speakers == [
        "M. le président", "M. Georges Perin", "M. Henri Villain", "M. Georges Perin",
        "M. le président", "M. Henri Villain",
    ]  # fmt: skip
    damaged = next(s for s in source.speakers if "lVJ. Georges Péri»" in s.labels)
    assert (damaged.name, damaged.title, damaged.role) == (
        "M. Georges Perin",
        "damaged label",
        "speaker",
    )
    assert any("'lVJ. Georges Péri»' looks damaged" in w for w in got.warnings)
    m = Searcher([source]).search("C'est la Constitution qui le veut", SearchOptions()).matches[0]
    assert m.speaker.name == "M. Georges Perin"  # not Villain's, the last speaker before
    assert m.speaker.title == "damaged label"  # and the answer says the label was damaged


def test_a_damaged_title_before_a_name_nobody_has_is_no_label():
    text = _SITTING.replace("lVJ. Georges Péri». Soit", "lVJ. Bonjour. Soit")
    _, source = _sitting(text)
    assert "lVJ. Bonjour" not in {s.name for s in source.speakers}


@pytest.mark.parametrize(
    "reaction",
    ["(Très-bien ! très-bien ! à droite.)", "(Applause.)", "(Laughter)", "(Rires.)",
     "(Applaudissements.)", "(Vive approbation à droite. — Exclamations à gauche.)"],
)  # fmt: skip
def test_issue12_the_rooms_reaction_inside_a_speech_is_the_records(reaction):
    text = _SITTING.replace("(Très-bien ! très-bien ! à droite.)", reaction)
    _, source = _sitting(text)
    turn = next(t for t in source.turns if t.speaker.name == "M. Georges Perin")
    words = source.text[turn.start : turn.end]
    assert f"[{reaction}]" in words  # kept as printed, inside the editor's brackets
    searcher = Searcher([source])
    m = searcher.search(reaction.strip("()"), SearchOptions()).matches[0]
    assert (m.speaker.role, m.speaker.name, m.editorial) == ("editor", "JO", True)
    m = searcher.search("Or, nous sommes en nombre", SearchOptions()).matches[0]
    assert m.speaker.name == "M. Georges Perin"


def test_a_speakers_own_parenthesis_is_speech_and_a_label_after_a_reaction_is_a_turn():
    _, source = _sitting(_SITTING)
    m = Searcher([source]).search("et je le dirai dimanche", SearchOptions()).matches[0]
    assert m.speaker.name == "M. Henri Villain"  # "(et je le dirai …)" is his own aside
    m = Searcher([source]).search("N'interrompez pas", SearchOptions()).matches[0]
    assert m.speaker.name == "M. le président"  # run on after "(Interruptions diverses.)"


def test_a_time_alone_on_a_line_goes_on_with_the_same_speaker():
    """ "(00:01:32):" alone on a line (Rev/Lenny's Podcast exports): the speaker goes on, from
    that time, in a paragraph of its own — so a sponsor read after it is its own paragraph, and
    the time is never in the words (blind files6)."""
    text = (
        "Lenny (00:01:02):\nWelcome to the show, where I interview founders.\n(00:01:32):\n"
        "Today's episode is brought to you by Acme, the best widgets.\n"
        "Zoe (00:02:10):\nThanks for having me.\n"
    )
    got, source = _convert(text)
    said = [(t.speaker.name, t.speaker.role, source.text[t.paragraphs[0].start:t.paragraphs[0].end])
            for t in source.turns]  # fmt: skip
    assert said[0][0] == "Lenny" and said[2][0] == "Zoe"
    assert said[0][2] == "Welcome to the show, where I interview founders."
    assert said[1][1] == "editor" and said[1][2].startswith("Today's episode is brought")
    assert "(00:01:32)" not in source.text.split("+++")[-1]


@pytest.mark.parametrize("name, text", [
    ("t.txt", "[170.2, 177.9] - SPEAKER_02:  La liste est là, vous la voulez.\n\n"
              "[179.3, 186.9] - SPEAKER_02:  Voilà. Sous-titrage Société Radio-Canada\n\n"
              "[187.0, 190.1] - SPEAKER_00:  Merci.\n"),
    ("t.srt", "1\n00:00:01,000 --> 00:00:03,000\nLa liste est là, vous la voulez.\n\n"
              "2\n00:00:03,000 --> 00:00:05,000\nVoilà. Sous-titrage Société Radio-Canada\n"),
])  # fmt: skip
def test_a_subtitlers_credit_the_recogniser_invented_is_nobodys_speech(name, text):
    """Whisper ends segments with credits it learnt from subtitled films (blind files7): the
    sentence is the outlet's, in a turn of its own; the speaker's "Voilà." stays theirs."""
    got = readers.convert(text.encode(), name, options={**OPTS, "interviewee": "Ann Body"})
    source = transcript.parse(got.text, "t")
    credit = Searcher([source]).search("Sous-titrage Société Radio-Canada", SearchOptions())
    assert credit.found and credit.matches[0].speaker.role == "editor"
    voila = [t for t in source.turns if "Voilà." in source.text[t.start : t.end]]
    assert voila and voila[0].speaker.role != "editor"
    assert source.text[voila[0].start : voila[0].end].rstrip().endswith("Voilà.")


def test_only_a_sentence_that_opens_as_a_credit_is_cut():
    assert artefacts.split("Je parle de sous-titrage ici. Et voilà.") == [
        (False, "Je parle de sous-titrage ici. Et voilà.")
    ]
    assert artefacts.split("Thanks. Subtitles by the Amara.org community. And then") == [
        (False, "Thanks."), (True, "Subtitles by the Amara.org community."), (False, "And then"),
    ]  # fmt: skip


_JOINT_PAGE = (
    "# Trois militantes\n\n**Quel est votre parcours ?**\n\n"
    "**Ada Martin** : j'ai découvert le féminisme au lycée.\n\n"
    "**Et vous ?**\n\n**Léa Dubois** : pour moi, tout a commencé à la fac.\n\n"
    "**Que faites-vous ensemble ?**\n\n"
    "**Ada Martin, Léa Dubois et Zoé Petit** : notre mission est simple et sérieuse.\n\n"
    "**Un livre ?**\n\n**Zoé Petit** : *Americanah*, sans hésiter.\n"
)


def test_a_joint_label_of_interviewees_answers_as_they_do():
    """ "**A, B et C** : …" (blind files7): one turn of the three, an interviewee's turn since
    each of them is; never the first one's alone."""
    got, source = _convert(_JOINT_PAGE, language="fr")
    m = Searcher([source]).search("notre mission est simple et sérieuse", SearchOptions())
    assert m.found
    assert (m.matches[0].speaker.name, m.matches[0].speaker.role) == (
        "Ada Martin, Léa Dubois et Zoé Petit", "interviewee",
    )  # fmt: skip
    alone = Searcher([source]).search("pour moi, tout a commencé à la fac", SearchOptions())
    assert (alone.matches[0].speaker.name, alone.matches[0].speaker.role) == (
        "Léa Dubois", "interviewee",
    )  # fmt: skip


@pytest.mark.parametrize(("welcome", "guests"), [
    ("Falco, Raja, welcome to the show.", ["Falko Schindler", "Rodja Trappe"]),  # as heard
    ("Folks, welcome to the show.", []),  # a greeting, nobody's name ("Folks" is near Falko)
])  # fmt: skip
def test_the_host_welcomes_guests_by_first_name(welcome, guests):
    text = (
        f"Michael Kennedy: {welcome}\n\nFalko Schindler: Hi.\n\nRodja Trappe: Hello.\n\n"
        "Michael Kennedy: So?\n\nFalko Schindler: Well.\n\nRodja Trappe: Yes.\n"
    )
    draft = turns.read(text)
    named = [sp for k, sp in draft.speakers.items() if not k.startswith("__")]
    said, _ = people.on_air(draft, named)
    assert sorted(sp.name for sp in named if id(sp) in said) == guests


def test_a_voice_besides_the_named_host_and_guest_that_does_not_ask_is_a_guest():
    """With host and one guest named by the user, the other voice the host welcomes, who
    answers at some length, is a second guest (blind files7, Talk Python 525), not a co-host
    (a voice of a few words a turn is a speaker: blind files22's Zoom webinar)."""
    text = (
        "Michael Kennedy: Hello, welcome to the show.\n\nFalko Schindler: Thanks, I build UIs.\n\n"
        "Rodja Trappe: Welcome. Thank you. I am the other half of the project, and I look after "
        "the documentation and the community around it, which keeps growing every month now.\n\n"
        "Michael Kennedy: How did it start?\n\n"
        "Rodja Trappe: In Berlin, at a robotics firm, where we needed a way to control our robots "
        "from a browser, and nothing we found was simple enough for the people on the team.\n\n"
        "Falko Schindler: Yes, with robots.\n"
    )
    _, source = _convert(text, interviewee="Falko Schindler", interviewer="Michael Kennedy")
    roles = {s.name: s.role for s in source.speakers if s.role != "editor"}
    assert roles == {"Michael Kennedy": "interviewer", "Falko Schindler": "interviewee",
                     "Rodja Trappe": "interviewee"}  # fmt: skip


def test_a_co_host_who_talks_to_the_guest_with_the_host_is_a_host():
    text = (
        "Adam Lee: Today Jerod and I are talking to Dana Hill.\n\nJerod Santo: Hi all.\n\n"
        "Dana Hill: Hello.\n\nJerod Santo: Great to be here again.\n\nDana Hill: Sure.\n"
    )
    _, source = _convert(text, interviewee="Dana Hill", interviewer="Adam Lee")
    roles = {s.name: s.role for s in source.speakers if s.role != "editor"}
    assert roles["Jerod Santo"] == "interviewer"


@pytest.mark.parametrize(("heading", "prompt"), [
    ("## Et cette carte s’intègre au portail, un projet global", True),  # goes on talking
    ("## Effectivement, c’est très pratique de contribuer !", True),
    ("## Les données ne sont pas pensées pour être utilisées le long de toute la chaîne", True),
    ("## Un marché en pleine croissance", False),  # an intertitle
    ("## « Et nous devons accélérer la cadence de nos déploiements partout en France »", False),
])  # fmt: skip
def test_a_heading_that_goes_on_the_conversation_is_a_prompt(heading, prompt):
    """Among heading questions (uMap's interviews: two wild fixtures and blind files9)."""
    from quotecli.readers import paragraphs

    assert paragraphs.prompts(heading) is prompt
    assert paragraphs.kind(heading, False) == ("question" if prompt else "editor")
    assert paragraphs.kind(heading, True) == "editor"  # before the first question: a title


# files10 (blind real files, issue 12): the conventions they brought, each in a few lines


def _people(text: str, name: str = "t.txt", **options) -> list[tuple[str, str, str]]:
    got = readers.convert(text.encode(), name, options={**OPTS, **options})
    source = transcript.parse(got.text, "t")
    return [
        (t.speaker.name, t.speaker.role, " ".join(source.text[t.start : t.end].split())[:24])
        for t in source.turns
    ]


def test_a_label_by_family_name_is_the_person_the_options_give():
    """A court's and an oral history's labels: "MR. LONG:", "JUSTICE SCALIA:", "Bajcsy:"."""
    text = (
        "JUSTICE SCALIA: Why is that a tax?\n\nMR. LONG: Because Congress said so.\n\n"
        "JUSTICE SCALIA: And the penalty?\n\nMR. LONG: It is assessed in the same manner.\n"
    )
    got = _people(text, interviewer="Antonin Scalia", interviewee="Robert A. Long")
    assert [g[:2] for g in got] == [("Antonin Scalia", "interviewer"),
                                    ("Robert A. Long", "interviewee")] * 2  # fmt: skip
    # a label with another given name is somebody else
    other = _people(text.replace("MR. LONG", "JOHN LONG"), interviewee="Robert A. Long")
    assert {g[0] for g in other} == {"Justice Scalia", "John Long"}


def test_an_oral_history_header_block_and_its_credit_are_the_outlets():
    text = (
        "## About the Interview\n\nRUZENA BAJCSY: An Interview Conducted by Janet Abbate for"
        " the IEEE History Center, 9 July 2002.\n\n## Interview\n\nINTERVIEW: Ruzena Bajcsy\n"
        "INTERVIEWER: Janet Abbate\nDATE: 9 July 2002\n\nAbbate:\n\nWhere were you born?\n\n"
        "Bajcsy:\n\nIn Bratislava.\n\nAbbate:\n\nWhat year?\n\nBajcsy:\n\n1933.\n"
    )
    got = _people(text, "t.md", interviewer="Janet Abbate", interviewee="Ruzena Bajcsy")
    assert [g[1] for g in got] == ["editor"] * 4 + ["interviewer", "interviewee"] * 2
    assert got[3][2].startswith("INTERVIEW: Ruzena")
    # the same key alone, followed by speech, is a label
    assert frontmatter.header_block(["INTERVIEWER: What year?", "BAJCSY: 1933."]) == set()


def test_the_running_heads_of_a_paged_text_are_left_out_and_said_so():
    page = " Official - Subject to Final Review\n\n{body}\n\n  {n}\n Alderson Reporting Company\n"
    bodies = ["MR. LONG: The Act bars", "suits before payment.", "JUSTICE KENNEDY: Why?",
              "MR. LONG: Because the code", "says so."]  # fmt: skip
    text = "\f".join(page.format(body=b, n=n) for n, b in enumerate(bodies, 1))
    got = readers.convert(text.encode(), "t.txt", options=OPTS)
    assert any("running heads" in w and "Alderson Reporting Company" in w for w in got.warnings)
    source = transcript.parse(got.text, "t")
    said = [" ".join(source.text[t.start : t.end].split()) for t in source.turns]
    assert said == ["The Act bars suits before payment.", "Why?", "Because the code says so."]


def test_a_bold_question_and_the_answers_label_on_one_line_are_two_turns():
    text = (
        "**Team : Who are you?** **Pamela :** I'm Pamela.\n\n"
        "**Team : What do you do?** **Pamela :** I teach.\n"
    )
    got = _people(text, "t.md", interviewee="Pamela Fox")
    assert got == [("Team", "interviewer", "Who are you?"), ("Pamela Fox", "interviewee",
                   "I'm Pamela."), ("Team", "interviewer", "What do you do?"),
                   ("Pamela Fox", "interviewee", "I teach.")]  # fmt: skip


def test_bold_run_in_subheads_are_not_speakers():
    """The Setup's "**The Desktop:** …" inside answers to heading questions (usesthis)."""
    text = (
        "### What hardware do you use?\n\nA laptop, mostly.\n\n**The Desktop:** A plain desk."
        "\n\n**The Music:** Always on.\n\n**The Mobile:** An old phone.\n\n"
        "### And what software?\n\nVim.\n"
    )
    got = _people(text, "t.md", interviewee="Vicky Brasseur", interviewer="Daniel Bogan")
    assert {g[0] for g in got} == {"Daniel Bogan", "Vicky Brasseur"}
    assert [g[1] for g in got][:2] == ["interviewer", "interviewee"]


def test_unnamed_cues_stay_unattributed_when_the_user_names_two_voices():
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nWELCOME BACK.\n\n00:00:03.000 --> " \
          "00:00:05.000\nTHANK YOU CHAIR.\n"  # fmt: skip
    one = _people(vtt, "t.vtt", interviewee="Ann Guest")
    assert {g[:2] for g in one} == {("Ann Guest", "interviewee")}  # the user's word: one voice
    two = _people(vtt, "t.vtt", interviewee="Ann Guest", interviewer="Mark Stone")
    assert {g[1] for g in two} == {"unattributed"}


# files11 (blind real files, issue 12)


def test_descript_markdown_and_heading_labels_with_a_full_width_colon():
    descript = (
        "## [00:00:00] Intro\n\n[00:00:01] **Audrow Nash:** Welcome to the show.\n\n"
        "[00:00:05] **Saman Farid:** Thanks for having me.\n"
    )
    got = _people(descript, "t.md")
    assert got == [("Radio X", "editor", "## Intro"), ("Audrow Nash", "speaker",
                   "Welcome to the show."), ("Saman Farid", "speaker",
                   "Thanks for having me.")]  # fmt: skip
    pdis = (
        "### Ima Sanchís：\nHow old are you?\n\n### Audrey Tang：\n38.\n\n### Ima Sanchís：\nOk.\n"
    )
    assert [g[:2] for g in _people(pdis, "t.md", interviewee="Audrey Tang")] == [
        ("Ima Sanchís", "interviewer"), ("Audrey Tang", "interviewee"),
        ("Ima Sanchís", "interviewer"),
    ]  # fmt: skip
    # a heading that ends with a colon once names nobody
    with pytest.raises(ReaderError):
        readers.convert(b"## Summary:\n\nWe met the mayor.\n", "t.md", options=OPTS)


def test_a_minutes_record_in_capitals_with_page_marks_and_footnotes():
    page = "--- Page {n} ---\n\nMarch 19-20, 2019 {n} of 9\n{body}\n"
    bodies = [
        "CHAIR POWELL. Good morning. Zeynep.\nMS. SENYUZ.1 Thank you, Mr. Chairman.\n"
        "1 The materials used by Ms. Senyuz are appended.",
        "I will refer to the first exhibit.",
        "CHAIR POWELL. Questions? President Mester.\nMS. MESTER. Thank you.",
    ]
    text = "".join(page.format(n=n, body=b) for n, b in enumerate(bodies, 1))
    got = readers.convert(text.encode(), "t.md", options=OPTS)
    assert any("footnotes" in w for w in got.warnings)
    assert any("running heads" in w for w in got.warnings)
    source = transcript.parse(got.text, "t")
    said = [(t.speaker.name, " ".join(source.text[t.start : t.end].split())) for t in source.turns]
    assert said == [
        ("Chair Powell", "Good morning. Zeynep."),
        ("Ms. Senyuz", "Thank you, Mr. Chairman. I will refer to the first exhibit."),
        ("Chair Powell", "Questions? President Mester."), ("Ms. Mester", "Thank you."),
    ]  # fmt: skip


def test_a_subtitle_sites_credit_is_nobodys():
    srt = (
        "0\n00:00:01,000 --> 00:00:03,000\nDownloaded From www.AllSubs.org\n\n"
        "1\n00:00:04,000 --> 00:00:06,000\n- Bonsoir, San Diego.\n"
    )
    got = _people(srt, "t.srt")
    assert [g[1] for g in got] == ["editor", "unattributed"]
