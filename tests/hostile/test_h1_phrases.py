"""Class 1 — hostile phrases: what a user (or a script) can type or pipe into ``quote find``.

Invalid UTF-8 on argv and in option values (a usage error: 2), NUL on stdin, bidi overrides,
combining floods, FTS5 query syntax against a library (punctuation is not syntax: the words are
still found), a 1 MB phrase, 10,000 phrases, terminal escape sequences (echoed back only
escaped, in every output format). Single-process cases run in a batch, two at a time; the
hypothesis properties run one example at a time.
"""

from __future__ import annotations

import os
import random

import hostile_kit as kit
import pytest
from hostile_kit import Case
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.hostile

FEW = settings(max_examples=6, deadline=None, derandomize=True, database=None,
               phases=(Phase.explicit, Phase.generate),
               suppress_health_check=list(HealthCheck))  # fmt: skip
PHRASE = kit.BUNDLED_PHRASE


def has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _words(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    vocab = "alternative OpenAI Microsoft Mistral bridge road spring the la de cloud accord".split()
    return " ".join(rnd.choice(vocab) for _ in range(n))


def answers(n: int):
    """post: exactly ``n`` JSON lines on stdout (no phrase dropped, none split)."""

    def post(sb, res):
        got = len(res.out.splitlines())
        return [] if got == n else [kit.problem("other", f"{got} answers for {n} phrases")]

    return post


def tsv_rows(phrases: int):
    """post: a header and one row per phrase, each with a known number of columns."""

    def post(sb, res):
        lines = res.text.splitlines()
        out = []
        if len(lines) != 1 + phrases:
            out.append(
                kit.problem(
                    "hole",
                    f"TSV: {len(lines)} lines for {phrases} phrase(s) "
                    f"(want {1 + phrases}): a tab or newline unescaped",
                )
            )
        if any(len(line.split("\t")) not in (3, 14) for line in lines[1:]):
            out.append(kit.problem("hole", "TSV: a row with the wrong number of columns"))
        return out

    return post


CASES: list[Case] = []

# --- invalid UTF-8 on argv: exit 2, one line ----------------------------------------------------

INVALID = [
    b"\xff",
    b"alternative \xff OpenAI",
    b"alternative \xe0 OpenAI",  # Latin-1 "à"
    b"caf\xc3",  # truncated sequence
    b"\xed\xa0\x80 alternative",  # a lone surrogate, UTF-8-encoded (U+D800)
    b"alternative \xed\xb2\x80",  # a lone low surrogate (U+DC80)
    b"\xc0\xafetc",  # overlong "/"
    b"\xf8\x88\x80\x80\x80 x",  # 5-byte form
    b"\x9b31m alternative",  # a raw C1 CSI byte
]
CASES += [Case(f"argv-invalid-utf8:{p!r}", [p], 2) for p in INVALID]
CASES += [Case(f"argv-invalid-utf8-{'-'.join(h)}", [*h, b"alternative \xe0 OpenAI"], 2)
          for h in (["find"], ["find", "--json"], ["find", "--format", "tsv"],
                    ["find", "--span", "match"])]  # fmt: skip
CASES.append(Case("stdin-invalid-utf8-names-the-line", ["find", "-"], 2,
                  stdin=b"alternative \xc3\xa0 OpenAI\n\xff\xfe oops\n",
                  post=lambda sb, res: [] if "2" in res.first_err() else [
                      kit.problem("other", "the error does not name line 2")]))  # fmt: skip

# --- NUL (only stdin can carry it) --------------------------------------------------------------

NULS = {
    "inside": b"alter\x00native \xc3\xa0 OpenAI\n",
    "alone": b"\x00\n",
    "end": b"alternative \xc3\xa0 OpenAI\x00\n",
    "4k-nuls": b"\x00" * 4096 + b"\n",
    "with-esc": b"alternative \xc3\xa0 OpenAI\nMicrosoft\x00\x1b[2J\n",
}
CASES += [Case(f"stdin-nul-{k}", ["find", "-"], {0, 1, 2}, stdin=v) for k, v in NULS.items()]
CASES += [Case(f"stdin-nul-{k}-{fmt}", ["find", "--format", fmt, "-"], {0, 1, 2}, stdin=NULS[k])
          for k, fmt in (("inside", "json"), ("end", "tsv"))]  # fmt: skip

# --- bidi, combining floods ---------------------------------------------------------------------

BIDI = [
    "\u202ealternative à OpenAI",
    "alternative\u202e à OpenAI\u202c",
    "\u2066alternative à OpenAI\u2069",
    "\u200falternative\u200e à\u061c OpenAI",
    "\u202b\u202d\u202a" * 50 + "alternative à OpenAI",
]
CASES += [Case(f"bidi-{n}", ["find", p], {0, 1}) for n, p in enumerate(BIDI)]

# A phrase is at most 10,000 characters (README "Limits"): past it, one line and exit 2.
LONG = {2}
COMBINING = [
    ("a" + "\u0301" * 10_000, LONG),
    ("\u0301" * 50_000, {2}),
    ("alternative" + "\u0300" * 5_000 + " à OpenAI", {0, 1}),
    ("".join(c + "\u0336\u0337\u0338" * 20 for c in "alternative à OpenAI"), {0, 1}),
    ("\u200b" * 20_000 + "alternative", LONG),  # zero-width spaces
    ("\ufeff" * 1000 + "alternative à OpenAI", {0, 1}),
]
for n, (p, e) in enumerate(COMBINING):
    CASES.append(Case(f"combining-{n}-argv", ["find", p], e))
    if n in (0, 1):
        CASES.append(Case(f"combining-{n}-stdin", ["find", "-"], e, stdin=p + "\n"))

# --- FTS5 syntax: punctuation is not query syntax -----------------------------------------------

FOUND = [  # the words of "We will build the bridge next spring." with FTS5 operators around them
    '"build the bridge',
    'build the bridge"',
    "build the bridge*",
    "build (the bridge",
    "^build the bridge",
    "build + the bridge",
    "build - the bridge",
    "build the bridge'",
]
WORDS = [  # operators as words: searched, found or not, never a database error
    "NEAR(bridge road",
    "bridge NEAR/2 road",
    "bridge AND OR road",
    "NOT bridge",
    "OR OR OR",
    "id:radio",
    "body:build the bridge",
    "NEAR(",
]
NO_WORDS = ['"', "*", "(", ":", "–", "{}"]
CASES += [Case(f"fts-found:{p}", ["find", p], 0, library=True) for p in FOUND]
CASES += [Case(f"fts-words:{p}", ["find", p], {0, 1}, library=True) for p in WORDS]
CASES += [Case(f"fts-no-words:{p}", ["find", p], 2, library=True) for p in NO_WORDS]
CASES.append(Case("fts-batch", ["find", "--json", "-"], 1, library=True,
                  stdin="\n".join(FOUND + WORDS) + "\n",
                  post=answers(len(FOUND + WORDS))))  # fmt: skip

# --- size: a 1 MB phrase, 10,000 phrases --------------------------------------------------------

CASES += [
    Case(
        "1MB-words-stdin",
        ["find", "-"],
        LONG,
        stdin=_words(200_000, 1)[:1_000_000] + "\n",
        slow=True,
    ),
    Case("1MB-one-word-stdin", ["find", "-"], LONG, stdin="a" * 1_000_000 + "\n"),
    Case(
        "1MB-words-stdin-library",
        ["find", "-"],
        LONG,
        library=True,
        slow=True,
        stdin=_words(200_000, 2)[:1_000_000] + "\n",
    ),
    Case("120KB-argv", ["find", _words(20_000, 3)[:120_000]], LONG),
    Case(
        "10000-phrases",
        ["find", "--json", "-"],
        {0, 1},
        budget=60,
        slow=True,
        stdin="\n".join(_words(1 + i % 6, i) for i in range(10_000)) + "\n",
        post=answers(10_000),
    ),
]

# --- terminal escape sequences in phrases: echoed back escaped ----------------------------------

ESCAPES = [s for s in kit.ESC_SEQUENCES if "\x00" not in s]
CASES += [Case(f"esc-argv-text-{n}", ["find", f"Microsoft rachète {s} Mistral"], {0, 1})
          for n, s in enumerate(ESCAPES)]  # fmt: skip
CASES += [
    Case(f"esc-argv-{fmt}-{n}", ["find", "--format", fmt, f"Microsoft rachète {s} Mistral"], {0, 1})
    for fmt in ("json", "tsv")
    for n, s in enumerate(ESCAPES)
    if n in (1, 6, 10)
]
CASES += [Case(f"esc-stdin-{fmt}", ["find", "--format", fmt, "-"], {0, 1, 2},
               stdin="\n".join(f"{PHRASE} {s}" for s in kit.ESC_SEQUENCES) + "\n")
          for fmt in ("text", "json", "tsv")]  # fmt: skip
CASES += [Case(f"esc-field-{f}", ["find", "--field", f, "\x1b]0;pwn\x07 Microsoft rachète Mistral"],
               {0, 1}) for f in ("quote", "source")]  # fmt: skip
CASES.append(Case("tsv-tab-newline-in-query", ["find", "--format", "tsv",
                                               "Microsoft\trachète\nMistral\\x"], {0, 1},
                  post=tsv_rows(1)))  # fmt: skip

# --- invalid UTF-8 in option values: a usage error ----------------------------------------------

BAD = b"\xff\xfebad"
FIND_OPTIONS = ["--source", "--style", "--speaker", "--locale", "--role", "--span", "--field",
                "--limit"]  # fmt: skip
CASES += [Case(f"find{o}-invalid-utf8", ["find", o, BAD, PHRASE], 2) for o in FIND_OPTIONS]

IMPORT_OPTIONS = ["--outlet", "--id", "--title", "--interviewer", "--interviewee", "--role",
                  "--date", "--encoding"]  # fmt: skip


def _import_with(option):
    value = b"Jane \xff=guest" if option == "--role" else BAD
    return lambda sb: ["import", sb.inputs / "radio.txt", "--outlet", "Radio X", "--language",
                       "en", option, value]  # fmt: skip


CASES += [Case(f"import{o}-invalid-utf8", _import_with(o), 2, files={"radio.txt": kit.RADIO})
          for o in IMPORT_OPTIONS]  # fmt: skip
CASES += [
    Case(
        f"check{o}-invalid-utf8",
        lambda sb, o=o: ["check", o, BAD, sb.inputs / "d.md"],
        2,
        files={"d.md": "Marina Ferrari a déclaré : « Il faut donc se réjouir de cet accord. »\n"},
    )
    for o in ("--style", "--locale")
]


def _env_with(var):
    def env(sb):
        e = {os.fsencode(k): os.fsencode(v) for k, v in sb.env().items()}
        e[var.encode()] = BAD
        return e

    return env


CASES += [
    Case("env-QUOTE_STYLE-invalid-utf8", ["find", PHRASE], 2, env=_env_with("QUOTE_STYLE")),
    Case(
        "env-QUOTE_CLIPBOARD-invalid-utf8",
        ["find", "--copy", PHRASE],
        {2, 3},
        env=_env_with("QUOTE_CLIPBOARD"),
    ),
    Case(
        "env-QUOTE_HOME-invalid-utf8",
        ["find", PHRASE],
        {0, 2},
        env=lambda sb: {
            **{os.fsencode(k): os.fsencode(v) for k, v in sb.env().items()},
            b"QUOTE_HOME": os.fsencode(sb.home) + b"/\xff",
        },
    ),
]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    return kit.run_cases(CASES, tmp_path_factory.mktemp("h1"))


@pytest.mark.parametrize("case", CASES, ids=kit.ids(CASES))
def test_phrase(batch, case):
    kit.verify(batch, case)


# --- properties (hypothesis, one process per example) -------------------------------------------


@given(raw=st.binary(min_size=1, max_size=40).filter(lambda b: b"\x00" not in b))
@FEW
def test_any_bytes_on_argv(tmp_path_factory, raw):
    sb = kit.Sandbox(tmp_path_factory.mktemp("argv") / "box")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        expect = {2}
    else:
        expect = {0, 1, 2} if has_words(text) else {2}
    kit.quote(sb, ["find", raw], expect)


_HOSTILE_ALPHABET = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    st.sampled_from(list("\x1b\x07\x08\r\x0b\x0c\x7f\x85\x9b\x9c\x9d\u202e\u2066\u0301\u200b\t")),
    st.sampled_from(["\x1b[", "\x1b]0;", "\x1b]52;c;", "NEAR(", '"', "*", "alternative", "OpenAI"]),
)


@given(phrase=st.lists(_HOSTILE_ALPHABET, min_size=1, max_size=30).map("".join)
       .filter(lambda s: "\x00" not in s))  # fmt: skip
@FEW
def test_hostile_phrase_fuzz(tmp_path_factory, phrase):
    sb = kit.Sandbox(tmp_path_factory.mktemp("fuzz") / "box")
    expect = {0, 1, 2} if has_words(phrase) else {2}
    kit.quote(sb, ["find", phrase], expect)
    line = phrase.replace("\n", " ").replace("\r", " ")
    if line.strip():
        kit.quote(sb, ["find", "--format", "tsv", "-"], expect, stdin=(line + "\n").encode())


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> kit.Sandbox:
    sb = kit.Sandbox(tmp_path_factory.mktemp("fts") / "box")
    kit.give_library(sb, tmp_path_factory.mktemp("tpl"))
    return sb


@given(
    phrase=st.lists(
        st.sampled_from(
            [
                "bridge",
                "build",
                "the",
                '"',
                "*",
                "NEAR(",
                ")",
                "AND",
                "OR",
                "NOT",
                ":",
                "^",
                "-",
                "+",
                "body:",
                "{",
                "}",
                "'",
                "spring",
                "road",
            ]
        ),
        min_size=1,
        max_size=8,
    ).map(" ".join)
)
@FEW
def test_fts_syntax_fuzz(library, phrase):
    kit.quote(library, ["find", phrase], {0, 1} if has_words(phrase) else {2})
