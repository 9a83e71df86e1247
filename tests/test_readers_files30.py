"""Who speaks, for the conventions the blind set files30 brought (issue 12): a bold name with
its time in brackets ("**Justice Wagner** (00:00:28): …", Obiter's hearings), a name printed
decomposed ("Côté" as "o" and a combining accent) given its role by --role composed, and a
timed label that names nobody ("[00:22:41]  :", a hearing's transcript). Each failed before
the change.
"""

from __future__ import annotations

import unicodedata

from quotecli import readers
from quotecli.readers.builder import parse_roles


def turns(text: str, name: str, roles=None, **options) -> list[tuple[str, str, str]]:
    options.setdefault("outlet", "Test Outlet")
    options.setdefault("language", "en")
    s = readers.convert(text.encode("utf-8"), name, options=options, roles=roles or {}).source
    return [
        (t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns
    ]


# simon-lawyer/obiter, nbs/scc/posts/2020-11-09--38944/index.md
COTE = unicodedata.normalize("NFD", "Côté")
HEARING = f"""**Justice Wagner** (00:00:28): Good morning, please be seated.

Mr. Johnson.

**Speaker 2** (00:01:55): All right, thank you.

**Justice {COTE}** (00:05:10): Mr. Johnson, on that point, if we look at section 21?

**Speaker 2** (00:05:40): Yes, and I think looking at section 33 sub 5 it is clear.
"""


def test_a_bold_name_with_its_time_in_brackets_is_a_label():
    got = turns(HEARING, "t.md")
    assert [who for who, _, _ in got] == [
        "Justice Wagner", "Justice Wagner", "Speaker 2", f"Justice {COTE}", "Speaker 2",
    ] or [who for who, _, _ in got] == [
        "Justice Wagner", "Speaker 2", f"Justice {COTE}", "Speaker 2",
    ]  # fmt: skip
    assert ("Speaker 2", "All right, thank you.") in [(w, t) for w, _, t in got]
    assert not any("(00:" in words for _, _, words in got)  # the times are not words


def test_a_role_given_composed_names_a_label_printed_decomposed():
    roles = parse_roles(("Justice Côté=interviewer", "Speaker 2=interviewee"))
    got = turns(HEARING, "t.md", roles=roles)
    roles = {who: role for who, role, _ in got}
    assert roles[f"Justice {COTE}"] == "interviewer"


# IsaacFigNewton/CommitteeHearingDiscourseParser, old/hid_51835.txt
TIMED = (  # each label line ends with a space, as printed
    "[00:20:48] Cristina Garcia: \n"
    "\tOkay. On the question about narrowing down to schools in poverty, we have studies.\n"
    "[00:22:41]  : \n"
    "\tMs. Weber.\n"
    "[00:22:42] Shirley Weber: \n"
    "\tYes, I want to thank my assemblywoman for bringing up this bill.\n"
    "[00:24:27] Patrick O'Donnell: \n"
    "\tThank you. Any other questions?\n"
)


def test_a_timed_label_that_names_nobody_starts_an_unattributed_turn():
    got = turns(TIMED, "t.txt")
    assert ("Unattributed", "unattributed", "Ms. Weber.") in got
    garcia = [words for who, _, words in got if who == "Cristina Garcia"]
    assert garcia and "Ms. Weber" not in " ".join(garcia)
