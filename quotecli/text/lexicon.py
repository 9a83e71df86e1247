"""Word classes the matcher weighs differently: function words, negations and numbers.

Function words ("de", "la", "the") carry little of what a phrase says, so a dropped or added one
costs little. Negations carry the most: "nous avions connaissance" is the opposite of what was
said ("nous n'avions pas connaissance"), so a negation on one side only is a different
statement, never a near match. Numbers are exact or absent: "1915" is not a typo of "1916" nor
"trois" of "cinq" (issue 13). Lists are folded (no accents, lower case) like the words they
are compared with; French and English, the languages of the transcripts we ship and import.
"""

from __future__ import annotations

import re
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
    nicht kein keine keinen keinem keiner keines nie niemals nichts niemand nirgends weder ohne
    nunca jamas ningun ninguna ninguno nada nadie sin tampoco
    mai nessun nessuna nessuno niente nulla senza neanche nemmeno neppure
    nao nenhum nenhuma ninguem nem sem
    """.split()
)
# (German, Spanish, Italian, Portuguese folded: "não" is "nao"; Italian "né" folds to French "ne")
# "t" is the tail of "don't", "isn't" once apostrophes are folded to separators.

NE = frozenset({"ne", "n"})
"""The French "ne" of "ne … pas/plus/jamais": light alone (often dropped in speech), but typed
where the source has none it makes a negation ("Il ne faut plus se réjouir")."""

NE_PARTNERS = frozenset("pas plus jamais rien aucun aucune personne guere nul nulle ni".split())

# the cardinals text2num reads in German, Spanish and Italian (``read_numbers``), numbers too
_CARDINALS_DE = frozenset(
    """zwei drei vier sechs sieben acht neun zehn dreizehn vierzehn sechzehn siebzehn achtzehn
    neunzehn zwanzig dreissig vierzig sechzig siebzig achtzig neunzig hundert tausend""".split()
)  # (text2num reads no folded "funf", "zwolf": those stay words, and numbers)
_CARDINALS_ES = frozenset(
    """cuatro cinco seis siete ocho nueve diez doce trece catorce quince dieciseis
    diecisiete dieciocho diecinueve veinte treinta cuarenta cincuenta sesenta setenta ochenta
    noventa cien ciento doscientos trescientos cuatrocientos quinientos seiscientos setecientos
    ochocientos novecientos mil""".split()
)
_CARDINALS_IT = frozenset(
    """tre quattro cinque sette otto nove dieci undici dodici tredici quattordici quindici
    sedici diciassette diciotto diciannove venti trenta quaranta cinquanta sessanta settanta
    ottanta novanta cento mila""".split()
)
NUMBER_WORDS = (
    frozenset(
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
        funf funfzehn funfzig zwolf millionen milliarde milliarden
        veintiuno veintidos veintitres veinticuatro veinticinco veintiseis veintisiete
        veintiocho veintinueve cientos millon millones
        milione milioni miliardo miliardi
        """.split()
    )
    | _CARDINALS_DE
    | _CARDINALS_ES
    | _CARDINALS_IT
)
"""Cardinal words from two ("un"/"une"/"one" are articles as often as numbers), ordinals and
"per cent": changed, they change what was said ("two million" for "a million"). German, Spanish
and Italian too, but for the words that are as often something else in another of the languages
("once", "elf", "due", "sei"; "dos" and "tres" are the French "dos" and "très")."""
# a German numeral written as one word ("sechzigtausend", "einundzwanzig", "zweihundert")
_DE_COMPOUND = re.compile(
    r"(?=.*(?:zig|ssig|zehn|hundert|tausend))(?:ein|zwei|drei|vier|funf|sechs|sech|sieben|sieb"
    r"|acht|neun|zehn|elf|zwolf|zwanzig|dreissig|zig|und|hundert|tausend)+"
)


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
# the verbs that ask by standing before their subject ("Did they stay?", "They did stay.")
AUXILIARIES = frozenset(
    [*(k for k in _CONTRACTED if k != "not"), "can", "shall", "may", "might", "am", "be"]
)


def same_word(word: str) -> str | None:
    """The other spelling of an English negated auxiliary's part, "not" for the "t" of
    "don't" and "do" for its "don" (folding splits "don't" into "don" "t"), or None."""
    return _CONTRACTED.get(word) or _SPELLED.get(word)


def same_number(word: str) -> frozenset[str]:
    """The ways of writing the number ``word`` ("15", "quinze", "fifteen"), itself included."""
    return _SAME_NUMBER.get(word, frozenset((word,)))


# Words that carry the claim though they weigh little (issue 13): a quantifier ("the only" is
# not "one of", "toutes" not "certaines"), a modal ("will", "pourrait", "faut") and the tense of
# an auxiliary ("have presented" is not "will be presenting", "était" not "est"). Each maps to
# its group: agreement forms share one ("has"/"have", "seul"/"seules"), so only a change of
# group is a change of claim. ``QUANTIFIERS`` and ``MODALS`` are claims whether changed, added
# or dropped; ``TENSES`` only when the source has another tense in their place.
def _groups(spec: str) -> dict[str, str]:
    out = {}
    for group in spec.split(";"):
        forms = group.split()
        for w in forms:
            out[w] = forms[0]
    return out


QUANTIFIERS = _groups(
    """
    only sole solely; all; every everyone everybody everything; each; some; few fewer; many;
    most mostly; several; less; always; often; sometimes; rarely seldom; usually; both;
    seul seule seuls seules seulement uniquement; tous toutes; chaque; certains certaines;
    quelques; plusieurs; peu; plupart; moins; toujours; souvent; parfois; rarement
    """
)
MODALS = _groups(
    """
    will ll won; would; shall; should; can cannot; could; may; might; must mustn;
    peut peux peuvent pouvons pouvez; pourrait pourraient pourrais pourrions; pourra pourront
    pourrai; doit dois doivent devons devez; devrait devraient devrais; devra devront devrai;
    faut; faudra; faudrait; fallait; va vont vais allons allez; allait allaient
    """
)
TENSES = _groups(
    """
    is are am isn aren m re; was were wasn weren; has have haven hasn ve; had hadn;
    do does don doesn; did didn;
    est sont suis sommes etes; etait etaient etais etions; sera seront serai serons;
    serait seraient serais; ont avons ai avez; avait avaient avais avions; aura auront aurai;
    aurait auraient aurais
    """
)
# "won"/"don" before "t" ("won't", not "we won"); "m" after "i" ("I'm"); "ai" after "j"
# ("j'ai", not "l'AI Act")
_AFTER = {"m": "i", "ai": "j"}
_BEFORE = {"won": "t", "don": "t"}


# Particles of opposite direction: "moved in" is not "moved out", "went up" not "went down".
# Only one put in the place of its opposite counts (a kind per pair), not "in" for "on".
_DIRECTIONS = {"up": "updown", "down": "updown", "in": "inout", "into": "inout",
               "out": "inout", "on": "onoff", "off": "onoff"}  # fmt: skip
_ONE_OF = {"one": "of", "un": "des", "une": "des"}  # "one of", "l'un des": a quantifier


_CLAIM_WORDS = frozenset([*QUANTIFIERS, *MODALS, *TENSES, *_DIRECTIONS, *_ONE_OF])


def claim(words, p: int) -> tuple[str, str] | None:
    """The claim word at ``words[p]`` as (kind, group), kind "quantifier", "modal" or "tense";
    None for any other word. "won" and "don" count only as "won't" and "don't", "m" only as
    "I'm", "ai" only as "j'ai". "jamais" and "never" are negations (``NEGATIONS``), not claims."""
    w = words[p]
    if w not in _CLAIM_WORDS:  # the hot path: most words are no claim (issue 16)
        return None
    if w in _AFTER and (not p or words[p - 1] != _AFTER[w]):
        return None
    if w in _BEFORE and (p + 1 >= len(words) or words[p + 1] != _BEFORE[w]):
        return None
    if w in _ONE_OF and p + 1 < len(words) and words[p + 1] == _ONE_OF[w]:
        return "quantifier", "one of"
    if w == "every" and p + 1 < len(words) and words[p + 1] == "other":
        return "quantifier", "every other"  # "every other week" is half as often as "every"
    for kind, table in (("quantifier", QUANTIFIERS), ("modal", MODALS), ("tense", TENSES)):
        g = table.get(w)
        if g is not None:
            return kind, g
    if w in _DIRECTIONS:
        return _DIRECTIONS[w], w.replace("into", "in")
    return None


LIGHT_ADVERBS = frozenset(
    """
    meme voire vraiment tres trop assez donc alors ainsi aussi bien encore
    really just even very so quite actually indeed also then
    """.split()
)
"""Intensifiers and connectors: one put where the source has another ("anecdotique même" for
"voire anecdotique") trades no claim."""

_ANTONYM_PREFIXES = ("in", "im", "il", "ir", "dis", "des", "un", "non", "mal", "mes", "a")

# Words that tie two clauses by cause: clauses typed in the other order across one of them
# reverse what causes what ("Cela renforce X car le marché aura accès…" is not "le marché aura
# accès…, ce qui renforce X"). A contrast ("mais", "but") typed in the phrase is
# ``critical.swapped_around``'s; one left out may be crossed ("pour défendre l'intérêt général,
# l'Etat a pris ses positions" over "… non pas vis-à-vis de celles de Mistral, mais pour …").
CONNECTORS = frozenset("car parce puisque donc because since so therefore thus".split())
# Relative pronouns that are the subject of their clause: "Microsoft, qui est l'un des leaders",
# "our future submarine, which will be": typed without them, the clause becomes a statement of
# the phrase's own ("Microsoft est l'un des leaders").
RELATIVES = frozenset("qui lequel laquelle lesquels lesquelles which who".split())
SUBJECTS = frozenset("je j tu il elle on nous vous ils elles i you he she we they".split())
"""Subject pronouns: light in coverage, but typed in place of a named subject they change
who is said to have done something."""


@_memo
def is_number(word: str) -> bool:
    """A number: any word with a digit, or a number word (see :data:`NUMBER_WORDS`)."""
    return (
        word in NUMBER_WORDS
        or any(c.isdigit() for c in word)
        or len(word) >= 8
        and _DE_COMPOUND.fullmatch(word) is not None
    )


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


# Numbers written in words or with thousands separators, read as the one number they are
# (issue 13): "forty-five" is "45", "fifteen thousand" and "15,000" are "15000", "quatre-vingt-
# dix" is "90". Runs of two number words or more are parsed by text2num (a well-kept parser of
# French, English, German, Spanish and Italian numerals); a single word keeps ``same_number``.
# Digit groups join only across a thousands separator with no space (",", ".", a no-break
# space): "2,5" and "in 2013, 500" stay apart.
_CARDINALS_EN = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million billion""".split()
)
_CARDINALS_FR = frozenset(
    """un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze
    seize vingt vingts trente quarante cinquante soixante septante octante nonante cent cents
    mille million millions milliard milliards""".split()
)
_JOINERS = {"and": _CARDINALS_EN, "et": _CARDINALS_FR, "und": _CARDINALS_DE, "y": _CARDINALS_ES}
_CARDINALS = _CARDINALS_EN | _CARDINALS_FR | _CARDINALS_DE | _CARDINALS_ES | _CARDINALS_IT
_THOUSANDS = frozenset(",.\u00a0\u202f")


def read_numbers(words: list, text: str, base: int = 0) -> list:
    """``words`` (folded, with spans into ``text`` shifted by ``base``) with each number
    written over several words made one word, its digits, spanning them all."""
    texts = [w[0] for w in words]  # the words' texts: the test below stays in C (import time)
    if _CARDINALS.isdisjoint(texts) and not any(map(str.isdigit, texts)):
        return words
    out: list = []
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        if w.text.isdigit():
            j = i
            while (
                j + 1 < n
                and len(words[j + 1].text) == 3
                and words[j + 1].text.isdigit()
                and words[j + 1].start - words[j].end == 1
                and text[words[j].end - base] in _THOUSANDS
            ):
                j += 1
            if j > i:
                digits = "".join(x.text for x in words[i : j + 1])
                out.append(type(w)(digits, w.start, words[j].end))
                i = j + 1
                continue
        value, j = _spelled(words, i) if w[0] in _CARDINALS else (None, i)
        if value is not None:
            out.append(type(w)(value, w.start, words[j].end))
            i = j + 1
            continue
        out.append(w)
        i += 1
    return out


def _spelled(words: list, i: int) -> tuple[str | None, int]:
    for lang, cardinals in (
        ("en", _CARDINALS_EN), ("fr", _CARDINALS_FR), ("de", _CARDINALS_DE),
        ("es", _CARDINALS_ES), ("it", _CARDINALS_IT),
    ):  # fmt: skip
        if words[i].text not in cardinals:
            continue
        j = i
        while j + 1 < len(words):
            nxt = words[j + 1].text
            if nxt in cardinals:
                j += 1
            elif (
                _JOINERS.get(nxt) is cardinals
                and j + 2 < len(words)
                and words[j + 2].text in cardinals
            ):
                j += 2
            else:
                break
        if j == i:
            return None, i
        try:
            from text_to_num import text2num
        except ImportError:  # a platform without its wheel: the words stay words
            return None, i
        try:
            return str(text2num(" ".join(x.text for x in words[i : j + 1]), lang)), j
        except ValueError:
            return None, i
    return None, i
