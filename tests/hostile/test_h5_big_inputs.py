"""Class 5 — big inputs and hangs: drafts of 20 and 50 MB, pathological quotation marks, a CSL
style of 300,000 elements and broken or hostile styles, and ``--copy`` to a clipboard that
cannot be reached, inside a pipe.

Nothing may hang: each case has a wall-clock budget (5 s for small pathological inputs, 20 s
for tens of megabytes and for the 300,000-element style) and a hang is a failure. The slow
cases run two at a time (one per core).
A copy that fails still prints the results, exits 3, and returns at once even when stdout is a
pipe that a clipboard helper could keep open.
"""

from __future__ import annotations

import random

import hostile_kit as kit
import pytest
from hostile_kit import Case

pytestmark = pytest.mark.hostile

SMALL = 5.0  # budget of a small pathological input (its check takes 0.5 s when fixed)
LARGE = 20.0  # budget of tens of megabytes
SECRET = "SECRET-c51 the sentinel's private words"


def _draft_50mb() -> bytes:
    rnd = random.Random(5)
    words = ("le la de pont route printemps argent cloud souveraineté Mistral Microsoft accord "
             "ministre déclaré été une vraie alternative").split()  # fmt: skip
    para = [" ".join(rnd.choice(words) for _ in range(60)) + "." for _ in range(200)]
    chunks, size, i = [], 0, 0
    while size < 50_000_000:
        s = para[i % 200] + "\n\n"
        if i % 50 == 0:
            s = "Marina Ferrari a déclaré : « Il faut donc se réjouir de cet accord. »\n\n"
        chunks.append(s)
        size += len(s.encode())
        i += 1
    return "".join(chunks).encode()


def _quotes_20mb() -> bytes:
    short = ["« Il faut donc se réjouir de cet accord. »", "« une vraie alternative à OpenAI »",
             "“la souveraineté européenne”", "« Microsoft rachète Mistral »",
             "« anecdotique »", '"we best honour the Diggers"']  # fmt: skip
    lines, size, i = [], 0, 0
    while size < 20_000_000:
        s = f"{short[i % len(short)]}, a déclaré Marina Ferrari ({i}).\n"
        lines.append(s)
        size += len(s.encode())
        i += 1
    return "".join(lines).encode()


def _check(name: str, data, budget: float, expect=(0, 1, 2)) -> Case:
    return Case(
        f"check:{name}",
        lambda sb: ["check", sb.inputs / "draft.md"],
        set(expect),
        files={"draft.md": data},
        budget=budget,
        slow=budget > SMALL,
    )


CASES: list[Case] = [
    _check("50MB-draft", _draft_50mb, LARGE),
    _check("20MB-one-short-quotation-per-line", _quotes_20mb, LARGE),
    _check("10000-unbalanced-straight-quotes", 'Elle a dit " bonjour ' * 10_000, SMALL),
    _check("alternating-guillemets-empty", "« »" * 20_000, SMALL),
    _check("nested-guillemets-10000", "«" * 10_000 + " mot " + "»" * 10_000, SMALL),
    _check("10000-unbalanced-curly", "“ bonjour " * 10_000, SMALL),
    _check("one-200KB-quotation", "« " + "mot " * 50_000 + "», a dit Marina Ferrari.", SMALL),
    _check(
        "10000-attributions",
        "a déclaré Marina Ferrari, " * 10_000 + "« Il faut donc se réjouir de cet accord. »",
        SMALL,
    ),  # fmt: skip
]
for c in CASES:
    if callable(c.files["draft.md"]):
        c.files["draft.md"] = (lambda f: lambda sb: f())(c.files["draft.md"])

# --- CSL styles: huge, broken, hostile ------------------------------------------------------------

CSL_HEAD = ('<?xml version="1.0" encoding="utf-8"?>\n{doctype}<style xmlns="http://purl.org/net/'
            'xbiblio/csl" class="in-text" version="1.0">\n<info><title>{title}</title><id>x</id>'
            "<updated>2024-01-01T00:00:00+00:00</updated></info>\n")  # fmt: skip


def _csl(layout: str, doctype: str = "", title: str = "T", extra: str = "") -> str:
    return (CSL_HEAD.format(doctype=doctype, title=title) + extra
            + f"<citation><layout>{layout}</layout></citation>\n"
            f"<bibliography><layout>{layout}</layout></bibliography></style>\n")  # fmt: skip


LAUGHS = kit.BILLION_LAUGHS
STYLES = {
    "300000-text-elements": (
        lambda sb: _csl(
            "".join(f'<text variable="title" prefix="{i % 10}"/>' for i in range(300_000))
        ),
        {0, 2},
        20.0,
    ),
    "truncated": (_csl('<text variable="title"/>')[:150], {2}, SMALL),
    "not-xml": ("this is not a style\n", {2}, SMALL),
    "empty": ("", {2}, SMALL),
    "binary": (random.Random(2).randbytes(3000), {2}, SMALL),
    "html-root": ("<html><body>hello</body></html>", {2}, SMALL),
    "no-citation": (CSL_HEAD.format(doctype="", title="T") + "</style>", {2}, SMALL),
    "xxe-file": (
        lambda sb: _csl(
            '<text value="&x;"/>',
            f'<!DOCTYPE style [<!ENTITY x SYSTEM "file://{sb.sentinel / "secret.txt"}">]>',
        ),
        {2},
        SMALL,
    ),
    "xxe-network-dtd": (
        _csl('<text variable="title"/>', '<!DOCTYPE style SYSTEM "http://127.0.0.1:9/x.dtd">'),
        {0, 2},
        SMALL,
    ),  # fmt: skip
    "billion-laughs": (_csl('<text value="&l9;"/>', f"<!DOCTYPE style [{LAUGHS}]>"), {2}, SMALL),
    "deep-groups": (
        _csl("<group>" * 20_000 + '<text variable="title"/>' + "</group>" * 20_000),
        {0, 2},
        SMALL,
    ),
    "recursive-macro": (
        _csl('<text macro="m"/>', extra='<macro name="m"><text macro="m"/></macro>\n'),
        {2},
        SMALL,
    ),
    "mutually-recursive-macros": (
        _csl(
            '<text macro="a"/>',
            extra='<macro name="a"><text '
            'macro="b"/></macro><macro name="b"><text macro="a"/>'
            "</macro>\n",
        ),
        {2},
        SMALL,
    ),  # fmt: skip
    "unknown-macro": (_csl('<text macro="nope"/>'), {2}, SMALL),
    "escape-in-affix": (
        _csl('<text variable="title" prefix="&#x9b;2J" suffix="&#x85;"/>'),
        {0, 2},
        SMALL,
    ),
}


def _plant(sb):
    (sb.sentinel / "secret.txt").write_text(SECRET + "\n")


def _no_secret(sb, res):
    return [kit.problem("hole", "XXE: the style's external entity was read and printed")] if \
        SECRET.encode() in res.out + res.err else []  # fmt: skip


for name, (text, expect, budget) in STYLES.items():
    CASES.append(
        Case(
            f"style:{name}",
            lambda sb: ["find", "--style", sb.inputs / "s.csl", kit.BUNDLED_PHRASE],
            expect,
            files={"s.csl": text},
            budget=budget,
            setup=_plant,
            post=_no_secret,
            slow=budget > SMALL,
        )
    )
CASES.append(Case("style:a-directory", lambda sb: ["find", "--style", sb.inputs / "dir.csl",
                                                   kit.BUNDLED_PHRASE], 2,
                  setup=lambda sb: (sb.inputs / "dir.csl").mkdir()))  # fmt: skip


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    return kit.run_cases(CASES, tmp_path_factory.mktemp("h5"))


@pytest.mark.parametrize("case", CASES, ids=kit.ids(CASES))
def test_big_or_pathological_input(batch, case):
    kit.verify(batch, case)


# --- --copy to a clipboard that is not there, inside a pipe ---------------------------------------

COPY_BUDGET = 10.0
BACKENDS = ["pyperclip", "xclip", "xsel", "auto", "wl-copy", "tmux", "osc52", "none"]


def _printed(res) -> list[tuple]:
    if "a besoin" not in res.text:
        return [kit.problem("other", "the result was not printed before the failed copy")]
    return []


@pytest.mark.parametrize("backend", BACKENDS)
def test_copy_to_an_unreachable_clipboard_in_a_pipe(sb, backend):
    env = sb.env(QUOTE_CLIPBOARD=backend, DISPLAY=":4242", WAYLAND_DISPLAY=None, TMUX=None,
                 XAUTHORITY=str(sb.userhome / "nope"), TMUX_TMPDIR=str(sb.io))  # fmt: skip
    res = kit.run(sb, ["find", "--copy", kit.BUNDLED_PHRASE], env=env, pipe=True,
                  budget=COPY_BUDGET)  # fmt: skip
    kit.check(res, 3, extra=_printed(res), note=f"--copy, QUOTE_CLIPBOARD={backend}, no display")


@pytest.mark.parametrize("what", ["quote", "citation"])
def test_copy_batch_to_an_unreachable_clipboard(sb, what):
    env = sb.env(QUOTE_CLIPBOARD="pyperclip", DISPLAY=":4242", WAYLAND_DISPLAY=None)
    res = kit.run(
        sb,
        ["find", "--copy", "--copy-what", what, "-"],
        env=env,
        pipe=True,
        budget=COPY_BUDGET,
        stdin=f"{kit.BUNDLED_PHRASE}\nse réjouir de cet accord\n".encode(),
    )
    kit.check(res, 3, extra=_printed(res), note=f"--copy-what {what} in a batch, no display")
