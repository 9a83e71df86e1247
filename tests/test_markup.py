"""Issue 14 item 5: Markdown markup never reaches a quotation (the readers take it off).

The transcript a Markdown reader stores is the spoken words; offsets are exact into it. Tests
run on the corpus's real podcast transcripts (Changelog Media, CC BY-SA 4.0) and on small
tables of (markup, words).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from quotecli import readers, transcript
from quotecli.main import main
from quotecli.search import Searcher, SearchOptions
from quotecli.text.markup import spoken

FORMATS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "formats"
needs_corpus = pytest.mark.skipif(
    not FORMATS.is_dir(), reason="../shared/corpus/formats is not beside the repository"
)

WORDS = [
    ("I *really* said it", "I really said it"),
    ("I **never** said _that_", "I never said that"),
    ("***both*** and __strong__", "both and strong"),
    ("*a **nested** one*", "a nested one"),
    ("[Plan 9](https://9p.io/plan9/) came out", "Plan 9 came out"),
    ('[a title](http://x.org "Title") too', "a title too"),
    ("[reference][1] link", "reference link"),
    ("see ![a photo](p.jpg) here", "see here"),
    ("![alone](p.jpg)", ""),
    ("<https://x.org/a> said", "https://x.org/a said"),
    ("first line  \nsecond", "first line second"),
    ("first line\\\nsecond", "first line second"),
    ("a soft\nbreak", "a soft break"),
    ("`go fmt` and `gofix`", "go fmt and gofix"),
    ("~~struck~~ words", "struck words"),
    # escapes are characters, never markup
    ("\\[04:10\\] See", "[04:10] See"),
    ("an a\\*\\*\\*\\*\\*e.", "an a*****e."),
    ("\\*not emphasis\\*", "*not emphasis*"),
    # what looks like markup but is text
    ("snake_case_name", "snake_case_name"),
    ("2 * 3 * 4", "2 * 3 * 4"),
    ("[laughter] ok", "[laughter] ok"),
    ("a * b", "a * b"),
    ("plain words, nothing else", "plain words, nothing else"),
    ("déjà *vu* — « *oui* »", "déjà vu — « oui »"),
]


@pytest.mark.parametrize("marked, words", WORDS)
def test_spoken_takes_off_markup_and_nothing_else(marked, words):
    assert spoken(marked) == words


@pytest.mark.parametrize("marked, words", WORDS)
def test_spoken_is_idempotent_on_its_output(marked, words):
    if "*" not in words and "[" not in words:
        assert spoken(words) == words


def _convert(name: str, options: dict):
    got = readers.convert((FORMATS / name).read_bytes(), name, options=options)
    return got, transcript.parse(got.text, name)


@needs_corpus
@pytest.mark.parametrize(
    "name, options",
    [("the-changelog-300.md", {"outlet": "The Changelog"}), ("go-time-100.md", {"outlet": "Go"})],
)
def test_real_podcast_transcripts_store_the_words(name, options):
    got, source = _convert(name, options)
    body = "\n".join(source.text[p.start : p.end] for t in source.turns for p in t.paragraphs)
    assert "**" not in body.replace("a*****e", "") and "](" not in body and "`" not in body
    assert "\\[" not in body  # escapes undone: timestamps are editor's notes
    labels = {s.name for s in source.speakers}
    assert not any("*" in name for name in labels)


@needs_corpus
def test_a_link_is_its_words_and_not_an_editors_note():
    _, source = _convert("go-time-100.md", {"outlet": "Go Time"})
    options = SearchOptions(span="sentence")
    m = Searcher([source]).search("Plan 9 came out under Bill's aegis", options).matches[0]
    assert "Plan 9 came out under Bill's aegis" in m.quote
    assert "https://" not in m.quote and "[" not in m.quote
    assert not m.editorial and m.speaker.name == "Rob Pike"
    assert source.text[m.start : m.end] == m.quote  # the verbatim promise, on the stored text


@needs_corpus
def test_code_spans_and_escaped_stars_are_kept_as_written():
    _, go = _convert("go-time-100.md", {"outlet": "Go Time"})
    m = Searcher([go]).search("people have come to love go fmt", SearchOptions()).matches[0]
    assert "people have come to love go fmt" in m.quote and "`" not in m.quote
    _, cl = _convert("the-changelog-300.md", {"outlet": "The Changelog"})
    assert "You're an a*****e." in cl.text  # the transcript's own asterisks, unescaped


@needs_corpus
def test_timestamps_are_the_turns_times_never_in_a_quotation():
    # issue 12: "**Jerod Santo:** \\[04:10\\] See, …" — the time is the turn's start, and
    # no "[mm:ss]" is left in the words a quotation is cut from
    _, source = _convert("the-changelog-300.md", {"outlet": "The Changelog"})
    m = Searcher([source]).search("See, I appreciate that", SearchOptions(span="match"))
    match = m.matches[0]
    assert match.quote == "See, I appreciate that"
    assert "[04:10]" not in source.text
    assert any(dict(t.attrs).get("start") == "04:10" for t in source.turns)
    assert not re.search(r"\[\d{1,2}:\d{2}", source.text.split("\n+++\n", 1)[1])


def test_find_and_check_print_the_words(tmp_path, monkeypatch, capsys):
    md = (
        "---\ntitle: On quoting\ndate: 2024-03-05\nshow: Quote Cast\nlang: en\n---\n\n"
        "**Ann Host:** Welcome to the [show](https://quote.example/show).\n\n"
        "**Bo Guest:** I *really* think that **every** word  \nmatters, "
        "see ![chart](c.png) the `data`.\n"
    )
    path = tmp_path / "ep.md"
    path.write_text(md, encoding="utf-8")
    assert main(["import", str(path)]) == 0
    capsys.readouterr()
    assert main(["--json", "--span", "paragraph", "every word matters"]) == 0
    m = json.loads(capsys.readouterr().out)["matches"][0]
    assert m["quote"] == "I really think that every word matters, see the data."
    assert m["source"]["title"] == "On quoting"
    text = Path(m["source"]["path"]).read_text(encoding="utf-8")
    assert text[m["start"] : m["end"]] == m["quote"]
    draft = tmp_path / "draft.md"
    draft.write_text("Bo Guest said: “I think that every word matters.”\n", encoding="utf-8")
    main(["check", str(draft), "--color", "never"])
    out = capsys.readouterr().out
    assert "*" not in out and "![" not in out and "](" not in out


def test_a_markdown_drafts_emphasis_and_links_are_not_words(tmp_path, capsys):
    md = (
        "---\ndate: 2024-03-05\nshow: Quote Cast\nlang: en\n---\n\n"
        "**Bo Guest:** I really think that every word matters, see the data.\n"
    )
    (tmp_path / "ep.md").write_text(md, encoding="utf-8")
    assert main(["import", str(tmp_path / "ep.md")]) == 0
    capsys.readouterr()
    draft = tmp_path / "draft.md"
    draft.write_text(
        "Bo Guest said: “I *really* think that **every** word matters, see the "
        "[data](https://x.example/d).”\n",
        encoding="utf-8",
    )
    assert main(["check", str(draft), "--json"]) == 0
    line = json.loads(capsys.readouterr().out.splitlines()[0])
    assert line["quotation"] == "I really think that every word matters, see the data."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- one thing\n- another thing", "one thing another thing"),
        ("We need:\n1. tests\n2. docs", "We need: tests docs"),
        ("* What Are AI Agents\n* Managing Memory", "What Are AI Agents Managing Memory"),
        ("it was hard\n- and then it got easy", "it was hard - and then it got easy"),
        ("2019. That was the year.", "2019. That was the year."),
    ],
)
def test_list_markers_are_layout(text, expected):
    # issue 12: an answer that lists things keeps the items' words, never "- " or "1. "
    assert spoken(text) == expected
