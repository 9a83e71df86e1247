"""Sentence boundaries in French and English (issue 2)."""

from __future__ import annotations

import pytest

from quotecli.text import sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Une phrase. Une autre.", ["Une phrase.", "Une autre."]),
        ("L'Etat était-il au courant ? Non.", ["L'Etat était-il au courant ?", "Non."]),
        ("Quid de l'IA ? Mistral finit par...", ["Quid de l'IA ?", "Mistral finit par..."]),
        ("C'est fini... et après ? Rien.", ["C'est fini... et après ?", "Rien."]),
        ("M. Macron est là. Il parle.", ["M. Macron est là.", "Il parle."]),
        ("Voir p. 12 et J. K. Rowling. Fin.", ["Voir p. 12 et J. K. Rowling.", "Fin."]),
        ("Mme. Dupont, etc. Et puis.", ["Mme. Dupont, etc. Et puis."]),
        (
            "Très minoritaire [de 15 millions d'euros, Ndlr]. De plus, non.",
            ["Très minoritaire [de 15 millions d'euros, Ndlr].", "De plus, non."],
        ),
        ("Hello [a. B, Ndlr] there. Now!", ["Hello [a. B, Ndlr] there.", "Now!"]),
        ("Il a dit « oui. » Puis il est parti.", ["Il a dit « oui. »", "Puis il est parti."]),
        ("He said “yes.” Then left.", ["He said “yes.”", "Then left."]),
        ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
        ("  Espaces.  ", ["Espaces."]),
    ],
)
def test_split(text, expected):
    assert [text[a:b] for a, b in sentences.split(text)] == expected


def test_split_respects_the_given_range():
    text = "XX Un. Deux. YY"
    assert [text[a:b] for a, b in sentences.split(text, 3, 12)] == ["Un.", "Deux."]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("I said no. Then he left.", 2),
        ("Tell me. He did.", 2),
        ("There is a lot of art. I do a lot of painting.", 2),
        ("Voir art. 7 du code.", 1),
        ("See No. 5 here.", 1),
        ("Gen. Smith came. He left.", 2),
    ],
)
def test_an_abbreviation_that_is_also_a_word_ends_a_sentence_as_a_word(text, count):
    assert len(sentences.split(text)) == count
