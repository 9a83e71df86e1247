"""Who speaks, for the conventions the blind set files37 brought (issue 12): a Markdown Q&A
whose questions are headings and whose several respondents open their answers with a label in
Markdown's other bold ("__Yves__ : …", "__Maxime S.__ : …", French spacing before the colon),
a label whose last word is an initial keeping its period, and a Hugo figure shortcode whose
title (a photo credit) is shown on the page. Both failed before the change: the answers were
one unattributed turn per question, their labels inside the quotation, the credit left out.
"""

from __future__ import annotations

from quotecli import readers
from quotecli.readers.labels import clean, find


def turns(text: str, name: str, roles=None, **options) -> list[tuple[str, str, str]]:
    options.setdefault("outlet", "Élao")
    options.setdefault("language", "fr")
    s = readers.convert(text.encode("utf-8"), name, options=options, roles=roles or {}).source
    return [
        (t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns
    ]


# Elao/elao_, content/blog/dev/api-design-elao-team-interview.md (two questions, shortened)
PANEL = """Concevoir et développer une API n'est pas un exercice trivial.

## Y a-t-il un code HTTP peu connu que vous utilisez régulièrement ?

__Yves__ : J'utilise régulièrement le code 422 pour remonter des erreurs de validation métiers.

__Maxime S.__ : Yves m'a fait découvrir le code 422, le principal code d'erreur que j'utilise.

__Nicolas__ : J'utilise également assez régulièrement le code 422 pour les APIs REST.

<p class="text-center">
    {{< figure src="swagger.png" title="Credits: https://swagger.io/" alt="Swagger">}}
</p>

## Formats de sortie : privilégiez-vous le tout JSON ?

__Yves__ : J'ai effectivement pour habitude de privilégier ce format par défaut.

__Maxime S.__ : Je privilégie également le format unique JSON.

__Nicolas__ : Je retourne essentiellement du JSON.
"""

ROLES = {"Yves": "interviewee", "Maxime S.": "interviewee", "Nicolas": "interviewee"}


def test_underscore_bold_labels_are_the_respondents():
    got = turns(PANEL, "elao.md", roles=ROLES)
    said = {(who, role, words) for who, role, words in got}
    assert ("Maxime S.", "interviewee", "Je privilégie également le format unique JSON.") in said
    assert ("Nicolas", "interviewee", "Je retourne essentiellement du JSON.") in said
    assert not any("__" in words or words.startswith("Yves :") for _, _, words in got)
    questions = [words for _, role, words in got if role == "interviewer"]
    assert questions == [
        "Y a-t-il un code HTTP peu connu que vous utilisez régulièrement ?",
        "Formats de sortie : privilégiez-vous le tout JSON ?",
    ]
    assert got[0][1] == "editor"  # the standfirst
    # a Hugo figure's title is shown under the picture: the outlet's, between two answers
    assert ("Élao", "editor", "Credits: https://swagger.io/") in said
    assert not any("<p" in words or "alt=" in words for _, _, words in got)  # no markup


def test_underscore_bold_reads_as_bold_and_keeps_an_initial():
    assert find("__Yves__ : Mon expérience") == find("**Yves** : Mon expérience")
    assert find("__Maxime S.__ : J'ai pris").label == "Maxime S."
    assert clean("Kelly.") == "Kelly" and clean("Q.") == "Q"  # other periods are the label's
    assert find("__init__ is a method") is None  # a dunder name opens no label


def test_a_figure_shortcode_at_the_margin_is_no_speech():
    # the same figure, not indented in a <p> (Hugo pages mostly have it at the margin): its
    # attributes are markup, its title the outlet's box; none of it goes to the last answer
    flush = PANEL.replace('<p class="text-center">\n    {{< figure', "{{< figure")
    flush = flush.replace('alt="Swagger">}}\n</p>', 'alt="Swagger">}}')
    got = turns(flush, "elao.md", roles=ROLES)
    assert ("Élao", "editor", "Credits: https://swagger.io/") in set(got)
    assert not any("src=" in words or "alt=" in words for _, _, words in got)
    nicolas = [words for who, _, words in got if who == "Nicolas"]
    assert nicolas[0] == "J'utilise également assez régulièrement le code 422 pour les APIs REST."
    # a shortcode around words (a transcript's line) still gives its words
    spoken = '{{< transcript "NICOLAS: Je retourne essentiellement du JSON." >}}\n'
    assert any("Je retourne essentiellement du JSON." in w for _, _, w in turns(spoken, "t.md"))
