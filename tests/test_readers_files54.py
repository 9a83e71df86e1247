"""Who speaks, for what the blind set files54 brought (issue 12), failing before the change:
a label that names a person by civility and family name (``**- M. VANDEVILLE :**``, ``MR.
SMITH:``) is the full name ``--role`` gives beside it ("Bruno Vandeville=interviewee"), as it
is the one ``--interviewee`` gives; a ``--role`` name printed as a label stays that label's.
"""

from __future__ import annotations

from quotecli import readers
from quotecli.readers.builder import parse_roles


def speakers(text: str, name: str, roles: dict, **options) -> list[tuple[str, str]]:
    given = parse_roles(tuple(f"{k}={v}" for k, v in roles.items()))
    s = readers.convert(text.encode(), name, options=options, roles=given).source
    return [(t.speaker.name, t.speaker.role) for t in s.turns]


# nfroidure/politics, contents/blog/2022-12-15-douaisis-agglo-doublement-rd500.md (shortened;
# the space before each colon is a no-break space, as printed)
COUNCIL = (
    "**- M. LE PRESIDENT\u00a0:** Je vais laisser la parole à Bruno Vandeville, Maryline "
    "Lucas ne prendra pas part au vote.\n\n"
    "**- M. VANDEVILLE\u00a0:** Nous allons parler du projet de requalification de la "
    "RD500. C’est un axe qui est très emprunté.\n\n"
    "**- Mme STIERNON\u00a0:** Une prise de parole et une explication de vote. Nous aurons "
    "un vote différencié sur cette délibération.\n\n"
    "**- M. LEROY\u00a0:** Je voulais prendre la parole suite à votre présentation.\n\n"
    "**- M. VANDEVILLE\u00a0:** Claude pour le SMTD.\n"
)


def test_a_councils_civility_labels_take_the_full_names_role_gives():
    roles = {"M. LE PRESIDENT": "interviewer", "M. VANDEVILLE": "interviewee",
             "Bruno Vandeville": "interviewee", "Mme STIERNON": "interviewee",
             "Stéphanie Stiernon": "interviewee", "M. LEROY": "interviewee"}  # fmt: skip
    got = speakers(COUNCIL, "conseil.md", roles, outlet="Douaisis Agglo", language="fr")
    assert got == [
        ("M. Le President", "interviewer"), ("Bruno Vandeville", "interviewee"),
        ("Stéphanie Stiernon", "interviewee"), ("M. Leroy", "interviewee"),
        ("Bruno Vandeville", "interviewee"),
    ]  # fmt: skip


HEARING = (
    "MR. JONES: Good morning, what do you plan to do about the bridge this year?\n\n"
    "MR. SMITH: We will build the bridge next spring and then the road.\n\n"
    "MR. JONES: Thank you very much for your time this morning.\n"
)


def test_a_full_name_given_by_role_names_the_label_of_its_family_name():
    got = speakers(HEARING, "h.txt", {"John Smith": "interviewee", "MR. JONES": "interviewer"},
                   outlet="X", language="en")  # fmt: skip
    assert got == [("Mr. Jones", "interviewer"), ("John Smith", "interviewee"),
                   ("Mr. Jones", "interviewer")]  # fmt: skip
    # two people of that family name given: the label names neither
    two = {"John Smith": "interviewee", "Jane Smith": "interviewee"}
    assert speakers(HEARING, "h.txt", two, outlet="X", language="en")[1][0] == "Mr. Smith"


def test_a_name_given_as_printed_stays_the_labels():
    """The user copies the labels too ("Sylvie (intrapreneure)=…", "Podcast Stefan=…"): those
    name no one else."""
    text = ("*Sylvie (intrapreneure) :* Le produit Zen avait pour objectif de diminuer le "
            "risque.\n\n**Et ensuite ?**\n\n*Sylvie* : La première réussite est "
            "l’accompagnement.\n")  # fmt: skip
    roles = {"Sylvie (intrapreneure)": "interviewee", "Sylvie": "interviewee"}
    got = speakers(text, "zen.md", roles, outlet="beta.gouv.fr", language="fr")
    assert {who for who, role in got if role == "interviewee"} <= {
        "Sylvie",
        "Sylvie (intrapreneure)",
    }
