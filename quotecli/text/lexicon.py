"""Word classes the matcher weighs differently: function words and negations.

Function words ("de", "la", "the") carry little of what a phrase says, so a dropped or added one
costs little. Negations carry the most: "nous avions connaissance" is the opposite of what was
said ("nous n'avions pas connaissance"), so a negation on one side only is a different
statement, never a near match. Lists are folded (no accents, lower case) like the words they
are compared with; French and English, the languages of the transcripts we ship and import.
"""

from __future__ import annotations

FUNCTION_WORDS = frozenset(
    """
    a au aux avec c ce ces cet cette d dans de des du elle elles en est et il ils j je l la le
    les leur leurs lui m ma mais me mes mon n ne nous on ou par pour qu que qui s sa se ses son
    sur t ta te tes ton tu un une vos votre vous y ete etait sont ont avait
    an and are as at be been but by do does for from had has have he her his i if in into is it
    its me my of on or our she so than that the their them there these they this those to was
    we were what which who will with would you your
    """.split()
)

NEGATIONS = frozenset(
    """
    pas non jamais aucun aucune rien nul nulle ni guere sans
    not no never none nothing nobody neither nor without cannot t
    """.split()
)
# "t" is the tail of "don't", "isn't" once apostrophes are folded to separators.

SUBJECTS = frozenset("je j tu il elle on nous vous ils elles i you he she we they".split())
"""Subject pronouns: light in coverage, but typed in place of a named subject they change
who is said to have done something."""


def weight(word: str) -> float:
    """How much a word counts in coverage: negations and content words 1, function words 0.3."""
    if word in NEGATIONS:
        return 1.0
    if word in FUNCTION_WORDS:
        return 0.3
    return 1.0


def is_content(word: str) -> bool:
    """A word that carries meaning: not a function word (negations count as content)."""
    return word in NEGATIONS or word not in FUNCTION_WORDS
