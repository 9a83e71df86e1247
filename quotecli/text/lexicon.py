"""Word classes the matcher weighs differently: function words, negations and numbers.

Function words ("de", "la", "the") carry little of what a phrase says, so a dropped or added one
costs little. Negations carry the most: "nous avions connaissance" is the opposite of what was
said ("nous n'avions pas connaissance"), so a negation on one side only is a different
statement, never a near match. Numbers are exact or absent: "1915" is not a typo of "1916" nor
"trois" of "cinq" (issue 13). Lists are folded (no accents, lower case) like the words they
are compared with; French and English, the languages of the transcripts we ship and import.
"""

from __future__ import annotations

from functools import lru_cache

# The word classes are asked for the same few hundred words again and again (every region the
# matcher scores asks for each word of the phrase): each answer is computed once per word, in a
# bounded cache (issue 16). They are pure functions of the word, so the answers are the same.
_memo = lru_cache(maxsize=1 << 16)

FUNCTION_WORDS = frozenset(
    """
    a au aux avec c ce ces cet cette d dans de des du elle elles en est et il ils j je l la le
    les leur leurs lui m ma mais me mes mon n ne nous on ou par pour qu que qui s sa se ses son
    sur t ta te tes ton tu un une vos votre vous y ete etait sont ont avait
    an and are as at be been but by do does for from had has have he her his i if in into is it per
    its me my of on or our she so than that the their them there these they this those to was
    we were what which who will with would you your ve ll re
    """.split()
)

NEGATIONS = frozenset(
    """
    pas non jamais aucun aucune rien nul nulle ni guere sans
    not no never none nothing nobody neither nor without cannot t
    """.split()
)
# "t" is the tail of "don't", "isn't" once apostrophes are folded to separators.

NE = frozenset({"ne", "n"})
"""The French "ne" of "ne … pas/plus/jamais": light alone (often dropped in speech), but typed
where the source has none it makes a negation ("Il ne faut plus se réjouir")."""

NE_PARTNERS = frozenset("pas plus jamais rien aucun aucune personne guere nul nulle ni".split())

NUMBER_WORDS = frozenset(
    """
    deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize
    vingt vingts trente quarante cinquante soixante septante octante nonante cent cents mille
    million millions milliard milliards
    premier premiere premiers premieres deuxieme troisieme quatrieme cinquieme sixieme
    septieme huitieme neuvieme dixieme onzieme douzieme quinzieme vingtieme trentieme
    centieme millieme
    two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions billion billions
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    twentieth hundredth thousandth
    percent pourcent
    """.split()
)
"""Cardinal words from two ("un"/"une"/"one" are articles as often as numbers), ordinals and
"per cent": changed, they change what was said ("two million" for "a million")."""

_VALUES = {
    "1": "un une one", "2": "deux two", "3": "trois three", "4": "quatre four",
    "5": "cinq five", "6": "six",
    "7": "sept seven", "8": "huit eight", "9": "neuf nine", "10": "dix ten", "11": "onze eleven",
    "12": "douze twelve", "13": "treize thirteen", "14": "quatorze fourteen",
    "15": "quinze fifteen", "16": "seize sixteen", "17": "seventeen", "18": "eighteen",
    "19": "nineteen", "20": "vingt twenty", "30": "trente thirty", "40": "quarante forty",
    "50": "cinquante fifty", "60": "soixante sixty", "100": "cent hundred",
    "1000": "mille thousand",
}  # fmt: skip
_SAME_NUMBER: dict[str, frozenset[str]] = {}
for _digits, _words in _VALUES.items():
    _group = frozenset([_digits, *_words.split()])
    for _w in _group:
        _SAME_NUMBER[_w] = _group
PER_CENT = frozenset({"percent", "pourcent", "cent"})
""""30 per cent", "30 percent", "30 %" and "30 pour cent" say the same: "%" folds away."""


_CONTRACTED = {
    "not": "t", "do": "don", "does": "doesn", "did": "didn", "is": "isn", "are": "aren",
    "was": "wasn", "were": "weren", "have": "haven", "has": "hasn", "had": "hadn",
    "could": "couldn", "would": "wouldn", "should": "shouldn", "will": "won", "must": "mustn",
}  # fmt: skip
_SPELLED = {v: k for k, v in _CONTRACTED.items()}


def same_word(word: str) -> str | None:
    """The other spelling of an English negated auxiliary's part, "not" for the "t" of
    "don't" and "do" for its "don" (folding splits "don't" into "don" "t"), or None."""
    return _CONTRACTED.get(word) or _SPELLED.get(word)


def same_number(word: str) -> frozenset[str]:
    """The ways of writing the number ``word`` ("15", "quinze", "fifteen"), itself included."""
    return _SAME_NUMBER.get(word, frozenset((word,)))


_ANTONYM_PREFIXES = ("in", "im", "il", "ir", "dis", "des", "un", "non", "mal", "mes", "a")

SUBJECTS = frozenset("je j tu il elle on nous vous ils elles i you he she we they".split())
"""Subject pronouns: light in coverage, but typed in place of a named subject they change
who is said to have done something."""


@_memo
def is_number(word: str) -> bool:
    """A number: any word with a digit, or a number word (see :data:`NUMBER_WORDS`)."""
    return word in NUMBER_WORDS or any(c.isdigit() for c in word)


def prefix_antonyms(a: str, b: str) -> bool:
    """One word is the other with a negating prefix: possible/impossible, able/unable,
    dependants/independants, agree/disagree, honnete/malhonnete (never a typo)."""
    short, long = sorted((a, b), key=len)
    if not long.endswith(short) or len(short) < 3:
        return False
    return long[: len(long) - len(short)] in _ANTONYM_PREFIXES


@_memo
def weight(word: str) -> float:
    """How much a word counts in coverage: negations, numbers and content words 1, function
    words 0.3."""
    if word in NEGATIONS or is_number(word):
        return 1.0
    if word in FUNCTION_WORDS:
        return 0.3
    return 1.0


@_memo
def is_content(word: str) -> bool:
    """A word that carries meaning: not a function word (negations and numbers count)."""
    return word in NEGATIONS or word not in FUNCTION_WORDS or is_number(word)
