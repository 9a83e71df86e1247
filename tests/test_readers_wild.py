"""Readers on blind fixtures written by other people from public repositories (issue 12).

Each ``tests/fixtures/wild/X.ext`` comes with ``X.expect.json`` (its credit and licence, the
convention it uses, the options a user would pass, the expected turns, text that is not speech,
phrases said and not said). The file is imported with only those options, then checked:

- it imports;
- the turns whose ``starts`` can be located have the expected speaker and role, in order
  (an expected speaker ``""`` is an unattributed turn: role ``unattributed``);
- no ``not_speech`` snippet lies in the quotable text of a turn that is not the editor's;
- every ``said`` phrase is found by the Searcher, given to the right speaker and role;
- no ``unsaid`` phrase is found.

What the readers do not get right yet is listed in ``GAPS`` (strict xfail, with the reason):
the suite stays green, the gap stays visible, and a fix shows as XPASS.
``python tests/test_readers_wild.py`` prints the scores recorded in
``tests/fixtures/wild/SCORES.md``; ``python tests/test_readers_wild.py DIR`` scores any folder
of ``X.ext`` + ``X.expect.json`` pairs the same way (a held-back set, say), with per-aspect
totals (imports, turns, not_speech, said, unsaid).
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import pytest

from quotecli import readers
from quotecli.search import Searcher, SearchOptions
from quotecli.text import folding
from quotecli.text.markup import spoken

WILD = Path(__file__).resolve().parent / "fixtures" / "wild"


def key_stem(path: Path) -> str:
    """The name its answer key has: without the readers' extensions, or without the last one
    (a page saved as ``.php``, a ``.js`` module: files a user brings that no reader names)."""
    stem = readers.stem(path.name)
    if stem == path.name and "." in stem and not (path.parent / f"{stem}.expect.json").exists():
        return stem.rsplit(".", 1)[0]
    return stem


def fixtures_in(folder: Path) -> list[Path]:
    """The files of ``folder`` that have an ``expect.json`` answer key next to them."""
    return sorted(
        p for p in folder.iterdir()
        if not p.name.endswith(".expect.json")
        and (folder / f"{key_stem(p)}.expect.json").exists()
    )  # fmt: skip


FIXTURES = fixtures_in(WILD)
ASPECTS = ("imports", "turns", "not_speech", "said", "unsaid")

# (fixture stem, aspect) → why the readers do not meet it yet.
GAPS: dict[tuple[str, str], str] = {
    ("awsbites-ep001-transcript", "said"):
        "the key's phrase 'discount that initial learning curve.' leaves out the \"don't\" "
        "that opens its clause ('…but don't discount that…'): refused since blind-12 taught "
        "that a negation just before a phrase is the phrase's (the passage is shown beside)",
    # files28 (blind, scored before any change)
    ("lsq-julie-dillon", "turns"):
        "no labels and no question set apart: the page alternates question and answer "
        "paragraphs; unattributed by design (issue 12: never guess), the key reads them by turn",
    ("lsq-julie-dillon", "said"): "unattributed, as above",
    ("lsq-julie-dillon", "not_speech"):
        "the standfirst and bio are unattributed turns (no label anywhere), not the outlet's",
    ("mithril-james-long", "turns"):
        "the page's navigation and Disqus notice are left out (not in the transcript) where the "
        "key lists them as the outlet's turns, and 'comments powered by Disqus' (a link after "
        "the last answer) stays the interviewee's",
    ("telecom-ideas-explicabilite", "not_speech"):
        "the intertitle '## Les dimensions de l’explicabilité' after an empty list item is read "
        "into a turn",
    # files27 (blind, scored before any change)
    ("covid-inquiry-2c-sue-gray-2024-05-16", "turns"):
        "the key names the chair 'Heather Hallett'; the file prints 'Lady Hallett' only",
    ("covid-inquiry-2c-sue-gray-2024-05-16", "said"): "the chair's name, as above",
    ("engineeringkiosk-237-boris-hinzer-2025", "turns"):
        "AssemblyAI's 'A' is Wolfi Gassler on the episode's page, another file; --role gives "
        "'A' no one's name (B and C are the one interviewer and interviewee given)",
    ("engineeringkiosk-237-boris-hinzer-2025", "said"): "'A', as above",
    ("workingcode-052-steve-rittler-2021", "turns"):
        "the key's 'Carol Weiler' and 'Tim Cunningham' are its author's recollection: the "
        "file prints 'Carol' and 'Tim' only, and no option names them",
    ("workingcode-052-steve-rittler-2021", "said"): "the co-hosts' names, as above",
    # files32 (blind, scored before any change)
    ("crec-2005-07-20-house-h6117-foreign-relations-auth", "turns"):
        "the Record's header and an inserted letter's head are editor paragraphs the key cuts "
        "otherwise",
    ("geotribu-itw-drones-crisis-2014", "turns"):
        "answers labelled '(Adam)', '(Pix4D)', 'FredM:' or not at all under headings that name "
        "whom they ask: the key attributes the unlabelled ones by the heading's addressee, an "
        "inference quote does not make (issue 12: never guess)",
    ("geotribu-itw-drones-crisis-2014", "said"): "as above",
    ("geotribu-itw-drones-crisis-2014", "not_speech"):
        "two admonition boxes ('!!! tip', '!!! info') inside answers are read as the answer's",
    ("josscast-10-shakenbreak-2024", "said"):
        "the host's donation appeal ('If you'd like to support JOSS, please consider…') is cut "
        "out as the outlet's, as a sponsor read is; the key gives it to the host",
    # files33 (blind, scored before any change)
    ("dartmouth-vietnam-project-susan-tavela-2016", "turns"):
        "the cover's lines (name, programme, project, date, transcriber) are editor paragraphs "
        "each, where the key makes them one turn",
    # files35 (blind, scored before any change)
    ("devtoolsfm-104-lu-wilson-todepond", "turns"):
        "the sponsor read under '### [00:08:13] Ad' is the outlet's (issue 12: a sponsor read "
        "is the editor's); the key leaves it unattributed",
    ("devtoolsfm-104-lu-wilson-todepond", "said"): "as above",
    ("mashable-qa-jim-mckelvey-square-2014", "turns"):
        "the byline and the topics line are the outlet's, cut otherwise than the key's "
        "('**By Seth Fiegerman:**' without the date; 'Topics: Business, …')",
    ("zoom-cc-brainstorm-experiment-g3", "turns"):
        "two captions of the same second by two voices come in the file's order, where the key "
        "hears the echo as the other's",
    # files56 and files57 (blind, scored before any change)
    **{("sugarman-v-jnj-trial-vol8-diaz-2024-02-20", aspect):
        "'THE COURT:' stays the court where the key names the judge the cover names ('before "
        "the Honorable William Thomas'), an inference quote does not make; the cover's and the "
        "index's lines are cut otherwise than the key's" for aspect in ASPECTS[1:4]},
    **{("faug-saku-genesi-bill-buck-raquel-velasco-2003", aspect):
        "'A:' answers for the two people --interviewee gives ('Bill Buck and Raquel Velasco'): "
        "either may be speaking, so the answers name nobody (issue 12: never guess), where the "
        "key makes them one joint voice; the closing 'More information about…' after the last "
        "answer stays the interviewer's" for aspect in ASPECTS[1:4]},
    **{("newsscape-kcet-tavis-smiley-natalie-cole-2010-12-01", aspect):
        "an archive's caption records (`start|end|CCO|TEXT`, `>>` at each change of voice, no "
        "names but a few `TAVIS:`): read as plain text, unattributed, the archive's header "
        "fields and commercials unattributed too, where the key names the voices from what "
        "they say" for aspect in ASPECTS[1:4]},
    **{("security-now-129-steadystate-2008", aspect):
        "the host's plug of the guest's site and product ('GRC.com, that's Steve's site… Not to "
        "mention SpinRite') is read as a sponsor read, the outlet's, and so are the host's "
        "short turns inside it; the show's opening read ('This show … is brought to you by "
        "donations') is the outlet's where the key hears the host" for aspect in ASPECTS[1:4]},
    **{("an-cra-qag-irak-2003", aspect):
        "'M. le Président -' stays the office where the key names the presiding member of each "
        "sitting ('PRÉSIDENCE de M. Jean-Louis DEBRÉ', then Jean Le Garrec: the office changes "
        "hands on the page, so it names nobody); 'La séance est suspendue…' stays the chair's"
        for aspect in ASPECTS[1:4]},
    # files55 (blind, scored before any change)
    **{("github-blog-leader-spotlight-erin-spiceland-2019", aspect):
        "the page's pull quotes (headings in quotation marks) are the outlet's (issue 12), "
        "where the key gives them to the interviewee whose words they repeat; the closing "
        "'Want to know more about Erin Spiceland? Follow them on GitHub or Twitter.' and the "
        "list after it, whose links the page's text lost, stay the last answer's"
        for aspect in ("turns", "said", "not_speech")},
    # files53 (blind, scored before any change)
    **{("ferguson-grand-jury-2014-09-10-dorian-johnson", aspect):
        "the grand jurors' labels are blanked out (redacted: a line's words set far right "
        "after its number): their questions and 'Okay.' stay the prosecutor's turn, where the "
        "key leaves them unattributed; the running heads are left out (listed in a warning) "
        "where the key lists them as editor turns" for aspect in ("turns", "said")},
    **{("haagahelia-ux-tourism-app-interview-2018", aspect):
        "the list of the interview's questions after the last answer ('Main Focused "
        "Questions in this Interview:', a paragraph with no label, then a list) is read as the "
        "answer going on" for aspect in ("turns", "not_speech")},
    **{("oakland-council-special-meeting-2022-08-09-cart", aspect):
        "live captions with no names, '>>' at each change of voice: unattributed by design "
        "(issue 12: never guess), where the key names the voices from what they say ('Thank "
        "you, Councilmember Fife')" for aspect in ("turns", "said")},
    # files52 and files54 (blind, scored before any change)
    ("jorjafox-bbc5-simon-mayo-2006", "turns"):
        "an unlabelled paragraph after the guest's ('We'll do more in a moment, the news i "
        "coming up.') is her turn going on (the convention of a labelled dialogue), where the "
        "key hears the host from what it says and leaves it unattributed",
    # files47 and files48 (blind, scored before any change)
    ("mananera-veracruz-2019-04-27-es", "turns"):
        "a reporter's question run on inside the President's block ('Pregunta: Presidente. "
        "Iván Sánchez…', no rule before it) stays the President's",
    ("mananera-veracruz-2019-04-27-es", "said"): "as above",
    ("mananeras-conferencia-veracruz-2019-04-27-es", "turns"):
        "the same file keyed by another helper: the run-on question as above, and the blocks "
        "holding only '(inaudible)' are the reporters' turns with a note, the key's the editor's",
    ("mananeras-conferencia-veracruz-2019-04-27-es", "said"): "the run-on question, as above",
    ("reisepassnummer-podcasting-session-de", "turns"):
        "recordings played back in the session are labelled 'Podcast Stefan', 'Podcast "
        "Kassiererin': quote keeps the label as printed (a voice of its own), the key hears "
        "the person, or nobody",
    ("reisepassnummer-podcasting-session-de", "said"): "as above",
    ("emprendeuide-entrevista-prorector-es", "turns"):
        "the header's '**Participantes:** …' line is read with the page's title, not as a "
        "turn of its own",
    # files45 (blind, scored before any change)
    ("retromagazine-gideon-zweijtzer-2018", "turns"):
        "the interviewer's greeting before the first bold question ('Hi, Gideon and thank you "
        "so much…') is read as the page's standfirst (the outlet's), where the key hears him",
    ("retromagazine-gideon-zweijtzer-2018", "said"): "as above",
    # files46 (blind, scored before any change; not tuned on)
    ("sanand-pycon2019-maps-qa", "turns"):
        "a talk set as unlabelled prose between slide images, then '**Question**:' and "
        "'**Answer**:': the talk is nobody's (unattributed) where the key gives it to the "
        "--interviewee the user names; the file does not say the prose is his",
    ("sanand-pycon2019-maps-qa", "said"): "the talk's phrases, as above",
    ("sanand-pycon2019-maps-qa", "not_speech"):
        "the author's 'This is a transcript of that talk.' is read with the talk, unattributed",
    **{("wh-gaggle-carney-cleveland-bytesrepr", aspect):
        "the page's body is a Python bytes literal (b'…\\n\\tMR. CARNEY:…', a scraper's "
        "bug): no line opens with a label, and the import is refused with that reason"
       for aspect in ASPECTS},
    # files43 (blind, scored before any change)
    ("scotus-emd-sales-v-carrera-2024-oyez", "said"):
        "the key's phrase 'But I thought we sort of got rid of that at the top by sort of "
        "assessing this' stops before the 'not' that goes on the sentence ('…assessing this not "
        "as being in one of those categories'): refused, a negation just after a phrase being "
        "the phrase's (the passage is shown beside it)",
    ("ndr-coronavirus-update-16-drosten-2020", "turns"):
        "the three unlabelled paragraphs before the first label are the page's standfirst (the "
        "outlet's), where the key hears the host's spoken intro and leaves them unattributed",
    # files44 (blind, scored before any change)
    ("w3c-mlws-live-session-2-2020-09-22", "turns"):
        "'Oguz:' is Mehmet Oguz Derin's middle name, and 'Yakung:' a misspelling of the "
        "attendee list's Yakun Haung: neither begins a name printed, so both stay as labelled",
    ("w3c-mlws-live-session-2-2020-09-22", "said"): "as above",
    ("ups-store-franchise-testimonials-names-nodelim", "turns"):
        "'Micehlle Van-Slyke' (twice) and 'Michelle Van-Slyke' are two labels as printed, where "
        "the key reads one person",
    ("ups-store-franchise-testimonials-names-nodelim", "said"): "as above",
    # files41 and files42 (blind, scored before any change)
    ("basulto-entrevista-angel-java-lopez-2012-es", "turns"):
        "four paragraphs with no label after the interviewer's question are his turn going on "
        "(the convention of a labelled dialogue), where the key hears the interviewee's answer "
        "whose label the page left out; giving them to nobody cost more on other files "
        "(hosts do go on after a question)",
    ("basulto-entrevista-angel-java-lopez-2012-es", "said"): "as above",
    ("pmg-za-agriculture-committee-2013-06-18", "turns"):
        "the record's 'report' field (the meeting's title) is metadata, not a turn, where the "
        "key lists it as the editor's last turn",
    # files40 (blind, scored before any change)
    ("coralgables-commission-2024-01-09-e7-shutters", "turns"):
        "a member's 'Second.' and 'Yes' (two labelled paragraphs) are two turns where the key "
        "has one, so the roll call's 'Yes' turns are read one off; the record's 'Vote: 5-0)' "
        "is the editor's note without its label; pypdf reads 'I’ve' where the key's pdftotext "
        "read 'I’ ve'",
    # files39 (blind, scored before any change)
    ("mismatches-jackie-1", "turns"):
        "a transcriber's note inside an answer ('(phone audio breaking up)') is marked within "
        "the turn, where the key cuts the turn there; 'MEL: (inaudible)' is Mel's turn holding "
        "a note, the key's an editor's",
    # files37 (blind, scored before any change)
    ("launchdarkly-tip-panel-devops-teams-2019", "turns"):
        "'Audience question:' names nobody: quote keeps the turn unattributed under no name, "
        "the key writes the label as its speaker",
    ("launchdarkly-tip-panel-devops-teams-2019", "said"): "as above",
    ("otter-data-ensemble-interview-p6-2023", "turns"):
        "an 'Unknown Speaker' turn holding only a bracketed note ('[A5 and P6 discuss research "
        "projects…]') stays unattributed; the key calls it the editor's",
    # files36 (blind, scored before any change)
    ("assnat-qc-journal-debats-2012-06-15", "turns"):
        "the chair's label keeps its office ('La Vice-Présidente') where the key names it as "
        "printed with its holder ('La Vice-Présidente (Mme Houda-Pepin)'); the site's menus "
        "are cut otherwise; the preliminary edition's repeated paragraph ends",
    ("assnat-qc-journal-debats-2012-06-15", "said"): "the chair's name, as above",
    ("internets-own-boy-aaron-swartz-2014-en-excerpt", "turns"):
        "a film's subtitles that label a few cues: the key gives the unlabelled testimony to "
        "the interviewee and the text cards to the editor by what they say; quote carries a "
        "label over the unlabelled cues after it (the convention of most subtitle files) or "
        "leaves them unattributed, and never guesses",
    ("internets-own-boy-aaron-swartz-2014-en-excerpt", "said"): "as above",
    ("internets-own-boy-aaron-swartz-2014-en-excerpt", "not_speech"):
        "the film's text cards are unlabelled cues: unattributed, not told from speech",
    ("ucl-loneliness-young-adults-participant-36-2019", "turns"):
        "the title's two lines ('# Transcript', 'Interview (Participant 36) – …') are two "
        "editor paragraphs where the key makes one turn",
    # files31 (blind, scored before any change)
    ("3b1b-braquistocrona-strogatz-pt", "turns"):
        "cues without a label: the opening narration names nobody (unattributed, never a "
        "guessed name), and unlabelled cues after a label go on with its speaker where the key "
        "hears the interviewer from what is said",
    ("3b1b-braquistocrona-strogatz-pt", "said"): "the narration's speaker, as above",
    ("entrevista-stallman-arantxa-serantes-2018", "not_speech"):
        "two link texts the key calls not speech are printed inside the interviewee's answer "
        "('Véase Surveillance vs. Democracy'): his words as printed",
    ("maenner-media-interview-rainer-teuber-2022", "turns"):
        "the author box is two editor turns (heading, role) where the key has one, and the "
        "newsletter form's words are left out of the transcript (a form is the page's furniture)",
    ("mlss-quality-interview-03", "turns"):
        "'Unknown Speaker' names nobody (unattributed, issue 12) where the key says "
        "interviewee, and a paragraph with no label after a question is unattributed",
    ("mlss-quality-interview-03", "said"): "the unlabelled paragraph, as above",
    ("scihist-oh-baltimore-schlesinger-sample", "turns"):
        "each session's header (INTERVIEWEE:, INTERVIEWER:, DATE:, LOCATION:) and the notes are "
        "editor turns a line each where the key has one turn a block",
    ("wh-press-call-omb-budget-2024-03-11", "turns"):
        "the call's place, date and time are three editor turns where the key has one",
    # files30 (blind, scored before any change)
    ("scc-tjm-v-queen-2020-11-09", "turns"):
        "the key names 'Speaker 1' and 'Speaker 2' from the Chief Justice's calls ('Mr. "
        "Johnson.'): quote never guesses a name (issue 12); and the crier's one line under "
        "'Speaker 1', which no option can part from counsel's",
    ("scc-tjm-v-queen-2020-11-09", "said"): "counsel's names, as above",
    ("ca-assembly-education-ab10-2017-03-15", "turns"):
        "a timed label naming nobody ('[00:22:41]  :') is unattributed (issue 12); the key "
        "says role other",
    # files29 (blind, scored before any change)
    ("netzcamp-chapter-one-mag-2015", "turns"):
        "the key's 'Jana Zieseniß' comes from other posts of the same blog: the file prints "
        "'Jana' only, and no option names her",
    ("netzcamp-chapter-one-mag-2015", "said"): "Jana's surname, as above",
    ("opensuse-board-candidates-qa-2018", "turns"):
        "an ordered list's numbers ('1.', '2.') are layout and come off an answer's words; the "
        "key keeps them in a turn's start",
    ("lennys-podcast-gaurav-misra", "said"):
        "the key gives the Brex sponsor read to the host; a sponsor read is the outlet's "
        "(issue 12), and --role no longer makes it the host's (since files27)",
    # files26 (blind, scored before any change)
    ("awsbites-102-jeremy-daly-interview", "turns"):
        "WebVTT captions that name nobody: unattributed, never a guessed name (issue 12); the "
        "key's names come from the episode's diarized JSON, another file",
    ("awsbites-102-jeremy-daly-interview", "said"): "unattributed, as above",
    ("earnings-call-apple-q3-fy2025", "said"):
        "the key gives '…we estimate the impact to add about $1.1 billion to our costs' to "
        "Kevan Parekh; the file prints it in Timothy D. Cook's line (the key's slip)",
    ("entrevista-tec-monterrey-vero-saldana-2025", "not_speech"):
        "the key's snippet 'Presidenta de Tech Leaders' (a cell of the profile table, the "
        "outlet's) is also said by the interviewer ('Tengo tu CV… Presidenta de Tech Leaders')",
    # files25 (blind, scored before any change)
    ("fossda-bart-decrem-oral-history-2024", "said"):
        "a phrase across two turns of one voice: the WebVTT reader cuts a long run of one "
        "voice's cues into turns of about thirty seconds ('…at the ⏎ time.' | 'We had "
        "independent illegal radio.'), and no phrase is looked for across turns",
    # files24 (blind, scored before any change)
    ("laboratoria-terminal1-entrevistas-ux", "turns"):
        "the initials that follow a name printed once in full ('Sandra Salinas, Entrevistadora:' "
        "then 'EN:', 'Fabiola Pineda, …:' then 'FF:') are kept as printed, the roles right; "
        "'Indira Gutiérrez, inquilina del coworking A255:' is not read as a label",
    ("laboratoria-terminal1-entrevistas-ux", "said"): "the initials' names, as above",
    ("laweekly-douziech-2023-11-06", "turns"):
        "the last question, a heading that asks nothing ('Website and social media handles, "
        "please!'), is the outlet's",
    ("laweekly-douziech-2023-11-06", "not_speech"):
        "a web page's captions ('Alexandria Douziech: Whitewashed Botany, 2022'), standfirst and "
        "advertising footer go to the speakers: the HTML reader does not yet set apart a "
        "WordPress caption or a disclosure block (tried: boxing elements by class words also "
        "boxed whole pages)",
    ("lex-fridman-333-karpathy-opening", "turns"):
        "speaker changes marked by '- ' with no names are unattributed by design (several voices, "
        "never guessed), though the host's intro names the guest",
    ("lex-fridman-333-karpathy-opening", "said"): "unattributed by design, as above",
    ("vocalife-v-amazon-2020-10-02-zhu-redirect", "turns"):
        "an excerpt that begins inside an examination: its 'Q.' names nobody (no 'BY MR. X:' "
        "before it), and with two witnesses given the 'A.' of each is not told apart by the "
        "witness headings ('CHIAWEI \"JERRY\" WU, PLAINTIFF'S WITNESS')",
    ("vocalife-v-amazon-2020-10-02-zhu-redirect", "not_speech"):
        "the second witness's heading stays in the examiner's turn",
    ("vocalife-v-amazon-2020-10-02-zhu-redirect", "said"): "the Q./A. names, as above",
    # files23 (blind, scored before any change)
    ("auc-abdrabou-hassan-2014", "not_speech"):
        "the cover sheet's 'Prof.: Professor Kim Fox' / 'Date completed: 20/10/2014' come after "
        "an address of three lines that ends the header block, and 'Prof.' is read as a label",
    ("grinnell-french-yeager-1982", "turns"):
        "'Yeager: James French: Do you know…': a label run on after a one-word turn with no "
        "stop before it is not cut (only after a sentence's end); one OCR'd turn's spacing",
    ("legasee-avent-2011", "turns"):
        "the narrator's self-introduction before the first question is the standfirst, the "
        "outlet's; the interviewer's last words in plain type ('that's brilliant thank you') go "
        "to the narrator, as any plain paragraph after a question does",
    ("legasee-avent-2011", "said"): "the self-introduction before the first question, as above",
    ("ncssm-forney-sitton-2015", "unsaid"):
        "the key's 'played offensive end and defensive end' for 'defensive end and offensive "
        "end': two coordinated phrases in the other order are found by policy, the quotation "
        "printed in the source's order (the key reads it as a swap of antonyms)",
    # files22 (blind, scored before any change)
    ("an-seance-2013-01-29", "turns"):
        "two members' interjection inside a speech ('M. Jean-Claude Perez et Mme Geneviève "
        "Gaillard. Heureusement !') stays in the speaker's turn",
    ("olin-webinar-zoom", "turns"):
        "a technician who speaks once ('Oh, nice. See how that one.') is taken to ask, beside "
        "the host and guest given (a voice of one turn is not counted as neither)",
    # files21 (blind, scored before any change)
    ("lh-interview-nainas", "turns"):
        "the paper's asides between the turns, unlabelled plain paragraphs ('Bon, c'est pas trop "
        "mal…'), stay the last voice's, as a speaker's next paragraph does; the answers after a "
        "question that open with a dash ('-Arnaud, je suis de…') stay in the question's turn",
    ("lh-interview-nainas", "not_speech"): "the asides, as above",
    ("wh-coronavirus-briefing-2020-03-16", "unsaid"):
        "the key's never-said 'avoid gathering in groups of more than 50 people' is a reporter's "
        "'avoid gatherings of more than 50 people' with two words added: found, by policy",
    # files19 and files20 (blind, scored before any change; files19's keys written again by
    # another reader after its files were tuned on)
    ("dialog-cameras-cnil", "turns"):
        "the key's 'starts' holds a Markdown link cut before its address ('Le [Réglement "
        "général…]'); the transcript holds the words",
    ("opensource-cfgmgmtcamp-interview", "turns"):
        "the article's own prose is the editor's under the outlet's name; the key names its "
        "author (Matthew Broberg)",
    ("rework-behind-the-scenes", "not_speech"):
        "a stray last line 'This is an episode title' after the outro (no final stop) stays "
        "the host's: a last short line may be a speaker's words without punctuation",
    ("winnipeg-council-hansard-2015-03-25", "turns"):
        "a council's record: every voice is a speaker (nobody is interviewed); the key calls "
        "the delegates who answer councillors' questions interviewees and the councillors "
        "interviewers",
    ("winnipeg-council-hansard-2015-03-25", "said"): "the delegates' phrases: speakers, as above",
    # files18 (blind, scored before any change, after files12–17's)
    ("agile-in-action-2023-11-14", "turns"):
        "the outro's label 'Speaker' names nobody: unattributed (the key: a speaker)",
    ("agile-in-action-2024-02-13", "turns"):
        "the outro's label 'Speaker' names nobody: unattributed (the key: a speaker)",
    ("rfi-jff-2018-05-28", "turns"):
        "a clip or a report with no label is unattributed (never a guessed name); the key names "
        "the person the presenter's lead-in introduces",
    ("rfi-jff-2018-05-28", "said"): "the clips' phrases: unattributed, as above",
    ("rfi-jff-2018-05-29", "turns"): "unlabelled clips and reports: unattributed, as above",
    ("rfi-jff-2018-05-29", "said"): "the clips' phrases: unattributed, as above",
    ("rfi-jff-2018-05-30", "turns"):
        "each report after the presenter's hand-over ('… Reportage Charlotte Stievenard.') is "
        "unattributed; the key names the reporter handed over to",
    ("rfi-jff-2018-05-30", "said"): "the reports' phrases: unattributed, as above",
    ("agile_in_action_palat", "turns"):
        "the announcer's label 'Speaker' names nobody: unattributed (the key: a speaker)",
    ("datachats_campaigns_bias_ethics", "turns"):
        "the joint answer 'C&N:' is a turn of its own, several voices (a speaker, never an "
        "author); the key gives it the interviewees' role",
    # files16 (blind, scored before any change, after files12–15's)
    ("phindinganswers-ep00", "turns"):
        "the jingle bracketed over three paragraphs ('[JINGLE: … ]') is the outlet's (the key: "
        "unattributed); turns opening '<laugh>' keep the words without the tag the key quotes",
    # files14 and files15 (blind, keyed by helpers who read no code; scored before any change)
    ("babel-podcast-nicolo", "turns"):
        "an unlabelled timed paragraph ('[19:29] What do you think…') continues the host who "
        "spoke last; the key makes it unattributed",
    ("covid-inquiry-jeane-freeman", "turns"):
        "the transcript renames counsel mid-hearing ('Ms Blackwell' → 'Counsel Inquiry', 'Ms "
        "Mitchell KC'): kept as printed, a speaker; the key names the one person and her role",
    ("covid-inquiry-jeane-freeman", "said"):
        "counsel's words under 'Counsel Inquiry' (the label as printed), as above",
    ("macron-tf1-france2-2023-03-22", "not_speech"):
        "the blogger's own notes in parentheses ('(avec une tone qui monte)', '(Pour trouver "
        "l'événement…)') are no recognised stage note: left in the speech",
    # files12 and files13 (blind, keyed by helpers who read no code; scored before any change)
    ("awsbites-ep006-captions", "turns"):
        "the WEBVTT header is the format's, read and not kept as a turn; the key lists it",
    ("bookthesis-2025-entrevista-e2", "turns"):
        "a ticked interview-guide probe ('**PROBE aplicado (si/no):** [x] ¿…?') is the form's "
        "for us (a field that names nobody); the key gives it to the interviewer",
    ("democracynow-2010-chomsky-wikileaks", "turns"):
        "the host resumes inside the clip's block with no label: her words continue the clip",
    ("democracynow-2010-chomsky-wikileaks", "said"):
        "the host's words after the clip, with no label, continue the clip",
    ("fusiongpstranscripts-davis-round4-simpson-en", "turns"):
        "'Mr. Levy', 'Mr. Foster': this round's file has no cover listing full names, so the "
        "label is the name; the key names them from the other rounds (Joshua Levy…)",
    ("fusiongpstranscripts-davis-round4-simpson-en", "not_speech"):
        "a label repeated inside a turn's text ('… Mr. Simpson:') is left in the words",
    ("fusiongpstranscripts-davis-round4-simpson-en", "said"):
        "counsel named by the label only ('Mr. Levy'), as above",
    ("fusiongpstranscripts-sawyer-interview-4-simpson-en", "turns"):
        "counsel and staff named by their labels only ('Mr. Levy', 'Ms. QUINT'); the closing "
        "'<hr data-content=\"Whereupon…\">' is an attribute (markup), not kept as a turn",
    ("fusiongpstranscripts-sawyer-interview-4-simpson-en", "said"):
        "'Mr. Davis' is named by his label in this file; the key by the full name",
    ("kitzmiller-2005-day4am2-casey-brown", "turns"):
        "the judge and counsel are named by their labels ('THE COURT', 'MR. GILLEN'); the key "
        "adds full names the page does not print; 'DIRECT CONTINUED MR. ROTHSCHILD' joins the "
        "heading before it",
    ("kitzmiller-2005-day4am2-casey-brown", "said"):
        "'THE COURT' is not named John E. Jones III in the file",
    ("senat-1995-10-31-credit-lyonnais-cri-fr", "turns"):
        "the contents' 'M. le rapporteur. - Amendement n° 27…' reads as a label (the pipeline "
        "dropped the page's layout), and an OCR-split '(Applaudissements' stays in the speech",
    ("starid-2004-cleve-moler-oral-history", "turns"):
        "the rule '-----' before the cover joins the cover; a label glued to the question's "
        "last word ('…or was itMOLER: No, no') is not split off, so the answer stays in it",
    # files11 (blind as files10; scored before any change)
    ("anchorman-fr-utf8", "turns"):
        "a film's on-screen title cards in capitals ('L'EQUIPE DU JOURNAL DE CHANNEL 4') are "
        "cues that name nobody: unattributed, not yet told from speech",
    ("anchorman-fr-utf8", "not_speech"):
        "the title cards above: unattributed (never a speaker's), the key wants the editor's",
    ("fomc-transcript-2019-03", "turns"):
        "page marks, running heads and footnotes are left out (a warning lists them), the key "
        "counts each as a turn; 'So moved.' (MR. CLARIDA) is given the asking role, not other",
    ("fosdem-2002-organiser-interview", "turns"):
        "a second label glued inside a paragraph ('… **Philippe**: And especially…') is not "
        "split off; photo captions naming Raphael are his",
    ("fosdem-2002-organiser-interview", "not_speech"):
        "photo captions that open with a bold name ('**Raphael** Bauduin and Phil…') are read "
        "as his turn",
    ("fosdem-2002-organiser-interview", "said"):
        "the interviewer's words after a label glued mid-paragraph stay in the answer",
    ("fsm-interview-stallman", "turns"):
        "'<!--break-->' is an HTML comment (markup, no words): left out, the key lists it",
    ("pdis-2020-02-23-ima-sanchis", "turns"):
        "a third participant who asks a few questions is given the interviewer's role; the key "
        "says other",
    ("pdis-2020-02-23-ima-sanchis", "said"):
        "the third participant's question: interviewer for us, other for the key",
    # files10 (blind, written by a helper who read no code; scored before any change): what
    # is left are the key's choices against issue 12's rules
    ("ca-assembly-judiciary-2018-01-09", "turns"):
        "the WEBVTT header and its Region line are the format's, read and not kept as turns; "
        "the key lists them as the editor's",
    ("ca-assembly-judiciary-2018-01-09", "said"):
        "no cue names anyone: the phrases are found, unattributed (issue 12: never a guessed "
        "name); the key gives each the role it infers",
    ("lenny-seth-godin", "turns"):
        "the host's sponsor reads are the outlet's (issue 12 item 2); the key gives them to him",
    ("lenny-seth-godin", "said"):
        "'Get $1,000 off Vanta…' is a sponsor read: the editor's, not the host's quotation",
    ("scotus-hhs-v-florida-2012-03-26", "turns"):
        "the running heads of the pages ('Official - Subject to Final Review', 'Alderson "
        "Reporting Company') are left out, as a warning says; the key counts each as a turn",
    ("usesthis-vm-brasseur", "said"):
        "the key's phrase holds Markdown link markup ('[VM Brasseur](https://…)'); the "
        "transcript holds the words",
    ("reportmaker-commission-tnt-2024-fr", "unsaid"):
        "the machine-written summary (the outlet's text) holds the phrase with a relative clause "
        "more: found, as the editor's",
    ("12b-webvttpy-youtube-auto", "unsaid"):
        "matcher: 'you're' typed for the source's 'I'm' (subject pronouns, function words) is "
        "not seen as a substitution since issue 13's placement of function words",
    ("bangbangcon-2015-albaugh", "turns"):
        "after applause the talk is unattributed (cautious), the fixture expects Lea",
    ("bangbangcon-2015-albaugh", "said"):
        "after applause the talk is unattributed (cautious), the fixture expects Lea",
    ("btc-canada-senate-hearing", "turns"):
        "the unlabelled prepared remarks stay unattributed (the fixture gives them to the one "
        "listed speaker) and an unlabelled follow-up continues the witness",
    ("btc-canada-senate-hearing", "said"):
        "the unlabelled prepared remarks stay unattributed",
    ("btc-canada-senate-hearing", "unsaid"):
        "matcher: a dropped clause ('resist the temptation to') reverses the meaning but is "
        "allowed as a cut",
    ("btc-jihan-wu-qa", "turns"):
        "the talk before the Q&A is unattributed: the reader cannot tell the host's "
        "introduction from the guest's talk",
    ("chambre-1881-01-11-p3", "not_speech"):
        "'(Brait.)' is OCR for '(Bruit.)': a reaction word the record's list does not know stays "
        "in the turn (never any parenthesis); the stenographer's closing signature is taken for "
        "the last speaker's words",
    ("ladybug-62-otter", "turns"):
        "Emma's intro and a GRANDstack ad share one paragraph: the whole paragraph is the ad",
    ("people-v-trump-240430-farro", "said"):
        "by design: in an examination the examiner asks (interviewer) and the witness named in "
        "the reporter's note answers (interviewee); the fixture keeps everyone a speaker",
    ("python-bytes-310-otter", "turns"):
        "by design: 'Unknown Speaker' names nobody, so its turns are unattributed; the fixture "
        "keeps the label as a speaker",
    ("python-bytes-310-otter", "said"):
        "by design: 'Unknown Speaker' turns are unattributed (the fixture: speaker)",
    # files49 and files50 (blind, scored before any change)
    ("devchat-aia-095-olivier-combe", "turns"):
        "the host is labelled 'CHUCK' and given as 'Charles Max Wood': a nickname is not "
        "matched to the name (never guess); a label whose paragraph is only '[Laughs]' or "
        "'[Inaudible]' stays the labelled speaker's turn (the note is marked, never quoted), the "
        "key gives it to the editor",
    ("devchat-aia-095-olivier-combe", "said"): "'Chuck' is not 'Charles Max Wood', as above",
    ("va-governor-debate-2025-10-09", "turns"):
        "the header's '**Participants**: …' fields are the page's, left out (listed in the "
        "warning); 'TEXT MESSAGE READ ALOUD' is taken for a speaker's label; "
        "'[LT. GOV. EARLE-SEARS - INAUDIBLE]' is a note inside the moderator's turn",
    ("va-governor-debate-2025-10-09", "said"):
        "the text message read aloud is given to its label, 'Text Message Read Aloud' (the key: "
        "unattributed)",
    ("seenunseen-e05-rupal-ben-diarized", "turns"):
        "the diariser labels the network's ident and the announcer's intro and outro as "
        "'[Amit Varma]' and '[Unknown]': the reader follows the labels (the key: the outlet's)",
    ("seenunseen-e05-rupal-ben-diarized", "not_speech"):
        "the ident, intro and outro under the diariser's labels, as above",
    # files51 (blind, scored before any change)
    ("ils-quattro-chiacchiere-globaleaks-noads-2022-it", "turns"):
        "by design: two interviewees given and no label: the blockquoted answers are "
        "unattributed (the key tells the two apart by the sections after '---')",
    ("ils-quattro-chiacchiere-globaleaks-noads-2022-it", "said"): "unattributed, as above",
    ("kenya-na-hansard-1998-03-31-state-opening", "turns"):
        "the running heads of three pages of four ('March 31, 1998', 'PARLIAMENTARY DEBATES', the "
        "page number) are not told from the text: too few pages to see them recur",
    ("kenya-na-hansard-1998-03-31-state-opening", "not_speech"): "the running heads, as above",
    ("pixelpalooza25-tammy-everts-descript", "turns"):
        "the key's turn starts hold a time mark ('talk [00:03:00] as') the transcript keeps as "
        "a note: two turns right but not found by their starts",
}  # fmt: skip


def expect_of(path: Path) -> dict:
    return json.loads((path.parent / f"{key_stem(path)}.expect.json").read_text("utf-8"))


def _key(text: str) -> tuple[str, ...]:
    return tuple(folding.fold_words(text))


def same_speaker(speaker, name: str, role: str) -> bool:
    """The expected (name, role) is this speaker's: by name or by a label as printed. A key's
    ``other`` (a chair, a judge, a third voice: neither asks nor is interviewed) is the role
    ``speaker`` of a transcript, a named voice with neither role."""
    if speaker.role != ("speaker" if role == "other" else role):
        return False
    if not name:  # "" or null: the key names nobody (the outlet, an unlabelled question)
        return True  # the role alone is asked for
    return any(_person(n) == _person(name) for n in (speaker.name, *speaker.labels))


def _person(name: str) -> tuple[str, ...]:
    """A name's words without the civility before it: the record's "M. Emmanuel Hamel" is the
    key's "Emmanuel Hamel" (names' own list of titles; "M. le président" stays as it is)."""
    from quotecli.text.names import _title

    words = name.split()
    if len(words) >= 3 and _title(words[0]) and words[1][:1].isupper():
        words = words[1:]
    return _key(" ".join(words))


def quotable(source, turn) -> str:
    """A turn's text without its label and without the editor's bracketed notes."""
    spans = source.editorial_spans()
    out = []
    for p in turn.paragraphs:
        chars = list(source.text[p.start : p.end])
        for a, b in spans:
            for i in range(max(a, p.start), min(b, p.end)):
                chars[i - p.start] = " "
        out.append("".join(chars))
    return "\n\n".join(out)


# Most 12b fixtures give no outlet and their files do not say one: quote refuses those by
# design ("pass --outlet OUTLET"). To still measure the attribution, the other aspects import
# them with this stand-in outlet (SCORES.md says which).
STAND_IN = {"outlet": "Outlet not given (test stand-in)"}


def given_options(path: Path) -> dict:
    """The options of the answer key, as a user types them: several names in one value ("A;
    B"), which is what ``--interviewer``/``--interviewee`` take."""
    options = dict(expect_of(path).get("options") or {})
    return {k: "; ".join(v) if isinstance(v, list) else v for k, v in options.items()}


def given_roles(path: Path) -> dict[str, str]:
    """The key's ``role`` list ("Name=role"), as ``--role`` gives it."""
    from quotecli.readers.builder import parse_roles

    listed = (expect_of(path).get("options") or {}).get("role") or []
    listed = [listed] if isinstance(listed, str) else listed
    # a key's "other" (neither asks nor answers) is quote's "speaker"
    return parse_roles(tuple(x.removesuffix("=other") + "=speaker" if x.endswith("=other")
                             else x for x in listed))  # fmt: skip


def convert(path: Path, stand_in: bool = True):
    options = given_options(path)
    options.pop("role", None)
    roles = given_roles(path)
    try:
        return readers.convert(path.read_bytes(), path.name, options=options, roles=roles)
    except readers.ReaderError as exc:
        if not stand_in or "--outlet" not in str(exc) or options.get("outlet"):
            raise
        return readers.convert(
            path.read_bytes(), path.name, options={**STAND_IN, **options}, roles=roles
        )


def scored_turns(path: Path) -> list[dict]:
    """The key's turns that a transcript can hold: not a line of the file's front matter
    (metadata, read as such: ``layout: "post"``), not an image alone (no words)."""
    from quotecli.readers import frontmatter

    text = path.read_text(encoding="utf-8", errors="replace")
    _, body = frontmatter.split(text) if text.startswith(("---\n", "+++\n")) else ({}, text)
    front = text[: len(text) - len(body)]
    return [
        exp for exp in expect_of(path)["turns"]
        if spoken(exp["starts"]).strip(" *_")
        and not (front and exp["starts"].strip() in front and exp["starts"].strip() not in body)
    ]  # fmt: skip


_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def turn_results(source, expected: list[dict]) -> list[tuple[dict, object | None]]:
    """Each expected turn with the turn whose text holds its ``starts`` (in order), or None."""
    raw = [
        " ".join(_ZERO_WIDTH.sub("", source.text[t.start : t.end]).split()) for t in source.turns
    ]
    bare = [" ".join(quotable(source, t).split()) for t in source.turns]  # without notes
    # the file's words with the brackets a reader puts round a note ("((applause))" →
    # "[((applause))]", issue 12): the fixture quotes the file as printed
    unmarked = [re.sub(r"[\[\]]", "", r) for r in raw]
    out = []
    at = 0
    for exp in expected:
        # the fixture quotes the raw file; the transcript holds the words, markup taken off
        # (issue 14 item 5: "**cette carte**" is stored as "cette carte")
        want = " ".join(spoken(exp["starts"]).lstrip("*_ ").replace("**", "").split())  # cut "**x"
        want = _ZERO_WIDTH.sub("", want)  # a key copied from pdftotext's text keeps them
        # a time in brackets is when, not words: "## [00:00:53] Introduction" is held untimed
        want = re.sub(r"^(#+ )?\[\d{1,2}(?::\d{2}){1,2}\] ?", r"\1", want)
        # else a start cut inside a link ("[Algolia](https://…") or holding an entity ("&quot;"
        # in Markdown, where a CSV's "&#8212;" is as printed)
        markup = html.unescape(re.sub(r"\[([^\]]*)\]\([^)\s]*$", r"\1", want))
        hit = None
        behind = False
        for target in dict.fromkeys((want, markup)):
            for squash in (raw, bare, unmarked):
                hit = next((i for i in range(at, len(squash)) if target in squash[i]), None)
                if behind := hit is None:  # the nearest turn before (a turn the key cuts in two)
                    back = range(min(at, len(squash)) - 1, -1, -1)
                    hit = next((i for i in back if target in squash[i]), None)
                if hit is not None:
                    break
            if hit is not None:
                break
        want = target
        out.append((exp, source.turns[hit] if hit is not None else None))
        if hit is not None and not (behind and exp["role"] == "editor"):
            # (a page's foot the key lists as a turn, left out, is found back in the title:
            # the turns after it are still looked for after the last one found)
            at = hit + (1 if squash[hit].startswith(want) else 0)  # noqa: B023
    return out


def leaks(source, snippets: list[str]) -> list[str]:
    texts = [quotable(source, t) for t in source.turns if t.speaker.role != "editor"]
    flat = [" ".join(t.split()) for t in texts]
    return [s for s in snippets if any(" ".join(s.split()) in t for t in flat)]


def said_results(source, said: list[dict]) -> list[tuple[dict, bool]]:
    searcher = Searcher([source])
    out = []
    for item in said:
        result = searcher.search(item["phrase"], SearchOptions())
        ok = result.found and same_speaker(result.matches[0].speaker, item["speaker"], item["role"])
        out.append((item, ok))
    return out


def unsaid_found(source, unsaid: list[str]) -> list[str]:
    searcher = Searcher([source])
    return [p for p in unsaid if searcher.search(p, SearchOptions()).found]


def _check(path: Path, aspect: str) -> None:
    expect = expect_of(path)
    if aspect == "imports":
        try:
            convert(path, stand_in=False)
        except readers.ReaderError as exc:  # refused only for the outlet nobody gave
            assert "pass --outlet" in str(exc) and not given_options(path).get("outlet")
        return
    source = convert(path).source
    if aspect == "turns":
        wrong = [
            (exp["speaker"], exp["role"], exp["starts"],
             turn and (turn.speaker.name, turn.speaker.role))
            for exp, turn in turn_results(source, scored_turns(path))
            if turn is None or not same_speaker(turn.speaker, exp["speaker"], exp["role"])
        ]  # fmt: skip
        assert not wrong
    elif aspect == "not_speech":
        assert not leaks(source, expect.get("not_speech", []))
    elif aspect == "said":
        assert all(ok for _, ok in said_results(source, expect.get("said", [])))
    elif aspect == "unsaid":
        assert not unsaid_found(source, expect.get("unsaid", []))


def _cases():
    for path in FIXTURES:
        for aspect in ASPECTS:
            gap = GAPS.get((key_stem(path), aspect))
            marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
            yield pytest.param(path, aspect, marks=marks, id=f"{path.name}-{aspect}")


@pytest.mark.parametrize(("path", "aspect"), list(_cases()))
def test_wild_fixture(path, aspect):
    _check(path, aspect)


def score(path: Path) -> dict:
    """One fixture's score: imported, turns right, said found right, not_speech leaks."""
    expect = expect_of(path)
    row = {
        "fixture": path.name,
        "convention": expect.get("convention", "").split(" ", 1)[0],
        "imported": 0, "turns": 0, "turns_of": len(scored_turns(path)),
        "said": 0, "said_of": len(expect.get("said", [])),
        "leaks": 0, "leaks_of": len(expect.get("not_speech", [])),
        "unsaid_found": 0, "unsaid_of": len(expect.get("unsaid", [])),
        "error": "", "stand_in": "",
    }  # fmt: skip
    try:
        convert(path, stand_in=False)
    except Exception as exc:
        row["stand_in"] = "outlet" if "--outlet" in str(exc) else ""
    try:
        got = convert(path)
    except Exception as exc:  # a refusal is a score of zero, not a crash of the report
        row["error"] = str(exc).splitlines()[0][:90]
        row["leaks"] = 0
        return row
    source = got.source
    row["imported"] = 1
    row["turns"] = sum(
        1
        for exp, turn in turn_results(source, scored_turns(path))
        if turn is not None and same_speaker(turn.speaker, exp["speaker"], exp["role"])
    )
    row["said"] = sum(ok for _, ok in said_results(source, expect.get("said", [])))
    row["leaks"] = len(leaks(source, expect.get("not_speech", [])))
    row["unsaid_found"] = len(unsaid_found(source, expect.get("unsaid", [])))
    return row


def aspect_totals(rows: list[dict]) -> dict[str, tuple[int, int]]:
    """Per aspect, (right, of): imports, turns, not_speech kept out, said right, unsaid kept out.

    A file that does not import scores nothing on any aspect (nothing leaks from it, but
    nothing was kept out either).
    """
    rows = [r if r["imported"] else {**r, "leaks": r["leaks_of"], "unsaid_found": r["unsaid_of"]}
            for r in rows]  # fmt: skip
    return {
        "imports": (sum(r["imported"] for r in rows), len(rows)),
        "turns": (sum(r["turns"] for r in rows), sum(r["turns_of"] for r in rows)),
        "not_speech": (
            sum(r["leaks_of"] - r["leaks"] for r in rows),
            sum(r["leaks_of"] for r in rows),
        ),
        "said": (sum(r["said"] for r in rows), sum(r["said_of"] for r in rows)),
        "unsaid": (
            sum(r["unsaid_of"] - r["unsaid_found"] for r in rows),
            sum(r["unsaid_of"] for r in rows),
        ),
    }


def report(paths: list[Path] | None = None) -> str:
    rows = [score(p) for p in (FIXTURES if paths is None else paths)]
    lines = [
        "| fixture | conv. | imported | turns right | said right | not_speech leaks"
        " | unsaid found | stand-in | error |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['fixture']} | {r['convention']} | {r['imported']} | {r['turns']}/{r['turns_of']}"
            f" | {r['said']}/{r['said_of']} | {r['leaks']}/{r['leaks_of']} | {r['unsaid_found']}"
            f" | {r['stand_in']} | {r['error'].replace('|', '/')} |"
        )
    if not rows:
        return "no X.ext + X.expect.json pairs found"
    total = {k: sum(r[k] for r in rows) for k in rows[0] if isinstance(rows[0][k], int)}
    lines.append(
        f"| **total** | | {total['imported']}/{len(rows)} | {total['turns']}/{total['turns_of']}"
        f" | {total['said']}/{total['said_of']} | {total['leaks']}/{total['leaks_of']}"
        f" | {total['unsaid_found']} | | |"
    )
    lines.append("")
    lines.append("Per aspect (right/of; not_speech and unsaid count what was kept out):")
    for aspect, (right, of) in aspect_totals(rows).items():
        lines.append(f"- {aspect}: {right}/{of}")
    return "\n".join(lines)


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else WILD
    if not folder.is_dir():
        sys.stderr.write(f"quote: not a folder: {folder}\n")
        sys.exit(2)
    sys.stdout.write(report(fixtures_in(folder)) + "\n")
