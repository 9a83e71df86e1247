"""The record formats chosen like a style: golden outputs and the escaping each syntax needs."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from quotecli.cite import render_citation
from quotecli.cite.formats import latex_escape, markdown_escape, wiki_escape

GOLDEN = json.loads(
    (Path(__file__).parent / "golden" / "citations" / "seed-formats.json").read_text("utf-8")
)
SEED = GOLDEN["item"]
NASTY = {
    **SEED,
    "id": "nasty",
    "author": [{"family": "O'Brien & {Sons}", "given": "Ann_Marie"}],
    "title": "50% of #1 {crises} | a=b ~ x^2 \\ end",
    "URL": "https://example.org/a?b=1&c={d}",
}


@pytest.mark.parametrize("name", sorted(GOLDEN["formats"]))
def test_format_golden(name):
    expected = GOLDEN["formats"][name]
    citation = render_citation(
        SEED, style=name, paragraph=GOLDEN["paragraph"], quote=GOLDEN["quote"]
    )
    assert citation.style == name
    assert citation.text == expected["text"]
    assert citation.bibliography == expected["text"]
    assert citation.in_text == expected["in_text"]
    assert citation.html == expected["html"]
    assert citation.note is None
    assert citation.csl == SEED


def test_bibtex_escapes_braces_and_latex_specials():
    text = render_citation(NASTY, style="bibtex").text
    assert "author = {O'Brien \\& \\{Sons\\}, Ann\\_Marie}," in text
    assert (
        r"title = {50\% of \#1 \{crises\} | a=b \textasciitilde{} "
        r"x\textasciicircum{}2 \textbackslash{} end}," in text
    )
    assert "url = {https://example.org/a?b=1&c=%7Bd%7D}," in text
    body = text.split("\n", 1)[1].replace("\\{", "").replace("\\}", "")
    assert body.count("{") + 1 == body.count("}")  # balanced, plus the entry's own closing "}"


def test_latex_escape_table():
    assert latex_escape("a{b}c") == r"a\{b\}c"
    assert latex_escape("100%\n$5") == r"100\% \$5"


def test_ris_is_one_line_per_tag():
    text = render_citation({**NASTY, "title": "two\nlines"}, style="ris").text
    assert "TI  - two lines" in text
    assert all(re.match(r"^[A-Z][A-Z0-9]  -( |$)", line) for line in text.splitlines())
    assert text.splitlines()[0] == "TY  - NEWS" and text.splitlines()[-1] == "ER  -"


def test_csl_json_round_trips():
    assert json.loads(render_citation(NASTY, style="csl-json").text) == [NASTY]


def test_wikipedia_escapes_pipes_braces_and_markup():
    quote = "a | b }} {{c}} <ref>x</ref> ''it'' [[link]] = ok"
    text = render_citation(NASTY, style="wikipedia", quote=quote).text
    assert text.startswith("{{cite interview |") and text.endswith("}}")
    inner = text[2:-2]
    assert "{{" not in inner.replace("{{!}}", "") and "}}" not in inner.replace("{{!}}", "")
    assert (
        "|quote=a {{!}} b &#125;&#125; &#123;&#123;c&#125;&#125; &lt;ref&gt;x&lt;/ref&gt;" in text
    )
    assert "&#39;&#39;it&#39;&#39; &#91;&#91;link&#93;&#93; = ok" in text
    assert "|last=O'Brien & &#123;Sons&#125; |first=Ann_Marie" in text
    # Every parameter is named, so "=" needs no {{=}}; a positional one would.
    assert wiki_escape("a=b") == "a=b" and wiki_escape("a=b", named=False) == "a{{=}}b"


def test_wikipedia_without_quote_or_paragraph_has_no_such_params():
    text = render_citation(SEED, style="wikipedia").text
    assert "|quote=" not in text and "|at=" not in text
    full = {**SEED, "issued": {"date-parts": [[2024, 2, 27]]}}
    assert "|date=27 February 2024" in render_citation(full, style="wiki").text


def test_markdown_escapes_and_keeps_the_quote_verbatim():
    quote = "*not bold* _x_ [link](y) <b>\n- not a list\n1. not a list"
    text = render_citation(SEED, style="markdown", quote=quote).text
    lines = text.splitlines()
    assert lines[0] == r"> \*not bold\* \_x\_ \[link\](y) \<b\>"
    assert lines[1] == r"> \- not a list"
    assert lines[2] == r"> 1\. not a list"
    assert lines[-1].startswith("> — Marina Ferrari, interview by Sylvain Rolland, *La Tribune*")
    assert markdown_escape("a\\b") == "a\\\\b"


def test_markdown_in_french_keeps_the_quotation_language():
    text = render_citation(SEED, style="markdown", locale="fr", quote="Nous y allons.").text
    assert text.startswith("> Nous y allons.")
    assert "entretien réalisé par Sylvain Rolland, *La Tribune*, février 2024" in text


def test_html_escapes_entities():
    quote = '<script>alert("x")</script> & co'
    citation = render_citation({**NASTY, "URL": 'https://e.org/"x"'}, style="html", quote=quote)
    assert "<script>" not in citation.text
    assert '&lt;script&gt;alert("x")&lt;/script&gt; &amp; co' in citation.text
    assert 'cite="https://e.org/&quot;x&quot;"' in citation.text
    assert "O’Brien &amp; {Sons}" in citation.text
    assert html.unescape(re.sub(r"<[^>]+>", "", citation.text)).startswith(quote)
    assert citation.html == citation.text
