"""Class 3 — malformed transcripts, in every format the README lists, and transcripts whose
names and words carry terminal control sequences.

A file that cannot be read is an error for that file (exit 2, one line, plus the summary line):
truncated, bit-flipped, UTF-16 (with a BOM, with an odd byte count), Latin-1, empty, binary,
each reader forced onto garbage, and each format's own ways to break (TOML front matter,
``speakers`` of the wrong type, XXE and billion laughs, deep nesting, truncated cues, JSON that
is not a list of turns…). A file that is read must not smuggle a sentinel's secret in (XXE).
Control characters that a transcript carries in its speakers, outlet, title, id or text never
reach the terminal raw: ``sources``, ``show``, ``find`` (text, TSV, JSON) and ``check``.
"""

from __future__ import annotations

import json
import random
import zlib

import hostile_kit as kit
import pytest
from hostile_kit import Case

pytestmark = pytest.mark.hostile

IMPORT_LINES = 4  # an error line, maybe a warning or two, the summary line
SECRET = "SECRET-7f3a9 the sentinel's private words"


def _imp(name: str, extra: list | None = None, fmt: str | None = None):
    def args(sb):
        out = ["import", sb.inputs / name, *(extra or [])]
        return out + (["--format", fmt] if fmt else [])

    return args


def _no_secret(sb, res):
    """post: the sentinel's secret (an XXE target) is nowhere in the library or the output."""
    found = [str(p.relative_to(sb.home)) for p in sb.home.rglob("*")
             if p.is_file() and SECRET.encode() in p.read_bytes()]  # fmt: skip
    out = [kit.problem("hole", f"XXE: the secret file's text was imported into {p}")
           for p in found]  # fmt: skip
    if SECRET.encode() in res.out + res.err:
        out.append(kit.problem("hole", "XXE: the secret file's text was printed"))
    return out


def _plant_secret(sb):
    (sb.sentinel / "secret.txt").write_text(SECRET + "\n")


def case(cid, name, data, expect, extra=None, fmt=None, **kw) -> Case:
    return Case(
        cid, _imp(name, extra, fmt), expect, files={name: data}, max_stderr_lines=IMPORT_LINES, **kw
    )


CASES: list[Case] = []

# --- every format, damaged the same ways --------------------------------------------------------


def _flip(data: bytes, seed: int, n: int = 8) -> bytes:
    rnd = random.Random(seed)
    b = bytearray(data)
    for _ in range(n):
        i = rnd.randrange(len(b))
        b[i] ^= 1 << rnd.randrange(8)
    return bytes(b)


FULL = ("quote", "pm-xml", "json", "markdown")
for fmt, (name, text, extra) in kit.VALID.items():
    raw = text.encode("utf-8")
    utf16 = text.encode("utf-16")  # with a BOM
    variants = {
        "truncated": (raw[: len(raw) // 2 + 1], {0, 2}, []),  # may cut a UTF-8 sequence
        "bit-flipped": (_flip(raw, zlib.crc32(fmt.encode())), {0, 2}, []),
    }
    if fmt in FULL + ("tei", "vtt"):
        variants["utf16-odd-bytes"] = (utf16[:-1], {0, 2}, [])
    if fmt in FULL:
        variants |= {
            "utf16-bom": (utf16, {0, 2}, []),
            "utf16-odd-bytes-declared": (utf16[:-1], {2}, ["--encoding", "utf-16"]),
            "latin1": (text.encode("latin-1", "replace"), {0, 2}, []),
        }
    for v, (data, expect, more) in variants.items():
        CASES.append(case(f"{fmt}:{v}", name, data, expect, extra + more))
    if fmt in FULL + ("tei", "vtt"):
        CASES.append(case(f"{fmt}:forced-on-binary", "blob.bin",
                          random.Random(7).randbytes(4096), 2, extra, fmt=fmt))  # fmt: skip

GARBAGE = {
    "empty": b"",
    "whitespace": b" \n\t\n  \n",
    "bom-only": b"\xef\xbb\xbf",
    "random-binary": random.Random(3).randbytes(8192),
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
    "elf": b"\x7fELF\x02\x01\x01" + bytes(120),
}
for g, data in GARBAGE.items():
    CASES.append(case(f"garbage:{g}", "notes.txt", data, 2, ["--outlet", "X", "--language", "en"]))

# --- each format's own ways to break ------------------------------------------------------------

Q = kit.QUOTE_TXT
SPEAKERS = Q[Q.index("[[speakers]]") : Q.index("+++\n\n:::")]
QUOTE_BROKEN = {
    "toml-unclosed-string": Q.replace('outlet = "Quote Cast"', 'outlet = "Quote Cast'),
    "speakers-a-string": Q.replace(SPEAKERS, 'speakers = "Ann Host"\n'),
    "speakers-int-list": Q.replace(SPEAKERS, "speakers = [1, 2]\n"),
    "speakers-string-list": Q.replace(SPEAKERS, 'speakers = ["ann-host", "bo-guest"]\n'),
    "speaker-without-id": Q.replace('id = "ann-host"\n', ""),
    "speaker-name-an-int": Q.replace('name = "Ann Host"', "name = 7"),
    "labels-a-string": Q.replace('labels = ["Ann Host"]', 'labels = "Ann Host"'),
    "duplicate-speaker-ids": Q.replace('id = "bo-guest"', 'id = "ann-host"'),
    "unknown-speaker-in-turn": Q.replace("::: bo-guest", "::: nobody"),
    "no-closing-fence": Q.replace("+++\n\n::: ann-host", "\n::: ann-host"),
    "schema-99": Q.replace("schema = 1", "schema = 99"),
    "date-2024-13-45": Q.replace('date = "2024-03-05"', 'date = "2024-13-45"'),
    "date-an-int": Q.replace('date = "2024-03-05"', "date = 2024"),
    "outlet-an-int": Q.replace('outlet = "Quote Cast"', "outlet = 5"),
    "language-a-table": Q.replace('language = "en"', "language = {a = 1}"),
    "no-turns": Q[: Q.index("::: ann-host")],
    "empty-turn-id": Q.replace("::: bo-guest", ":::"),
    "toml-deep-nesting": Q.replace("schema = 1", "schema = 1\ndeep = " + "[" * 3000 + "]" * 3000),
    "duplicate-keys": Q.replace("schema = 1", "schema = 1\nschema = 2"),
}
for k, text in QUOTE_BROKEN.items():
    CASES.append(case(f"quote:{k}", "t1.quote.txt", text, 2))

P = kit.PM_XML
_DOCTYPE = P.replace("<transcripts>", "{doctype}<transcripts>", 1)
LAUGHS = kit.BILLION_LAUGHS
PM_BROKEN = {
    "xxe-file": (
        _DOCTYPE.replace("{doctype}", '<!DOCTYPE t [<!ENTITY x SYSTEM "file://SECRET">]>').replace(
            "next spring", "next spring &x;"
        ),
        {0, 2},
    ),
    "xxe-file-in-title": (
        _DOCTYPE.replace("{doctype}", '<!DOCTYPE t [<!ENTITY x SYSTEM "file://SECRET">]>').replace(
            "Doorstop interview", "Doorstop &x; interview"
        ),
        {0, 2},
    ),
    "xxe-parameter-entity-network": (
        _DOCTYPE.replace(
            "{doctype}", '<!DOCTYPE t [<!ENTITY % d SYSTEM "http://127.0.0.1:9/evil.dtd"> %d;]>'
        ),
        {0, 2},
    ),
    "external-dtd": (
        _DOCTYPE.replace("{doctype}", '<!DOCTYPE transcripts SYSTEM "http://127.0.0.1:9/t.dtd">'),
        {0, 2},
    ),
    "billion-laughs": (
        _DOCTYPE.replace("{doctype}", f"<!DOCTYPE t [{LAUGHS}]>").replace(
            "next spring", "next spring &l9;"
        ),
        {0, 2},
    ),
    "quadratic-blowup": (
        _DOCTYPE.replace("{doctype}", f'<!DOCTYPE t [<!ENTITY a "{"x" * 50_000}">]>').replace(
            "<title>Doorstop interview, Canberra</title>", "<title>" + "&a;" * 20_000 + "</title>"
        ),
        {0, 2},
    ),
    "deep-xml-nesting": (
        P.replace(
            "<subjects></subjects>",
            "<subjects>" + "<a>" * 100_000 + "</a>" * 100_000 + "</subjects>",
        ),
        {0, 2},
    ),  # fmt: skip
    "deep-html-in-cdata": (P.replace("<p>We will", "<div>" * 100_000 + "<p>We will"), {0, 2}),
    "cdata-unclosed": (P.replace("]]></content>", "</content>"), {2}),
    "no-content": (P[: P.index("<content>")] + "</transcript>\n</transcripts>\n", {2}),
    "mismatched-tags": (P.replace("</title>", "</titel>"), {2}),
    "script-and-style": (
        P.replace(
            "<p>We will",
            "<script>alert('\x1b]0;pwned\x07')</script><style>p{color:red}</style><p>We will",
        ),
        {0, 2},
    ),  # fmt: skip
    "release-date-99": (P.replace("17/11/2016", "99/99/9999"), {0, 2}),
    "latin1-declared-utf8-bytes": (P.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), {0, 2}),
    "control-char-ref": (P.replace("next spring", "next spring &#x1b;[2J"), {0, 2}),
}
for k, (text, expect) in PM_BROKEN.items():
    secret = "SECRET" in text
    CASES.append(Case(f"pm-xml:{k}", _imp("transcript-777.xml"), expect,
                      files={"transcript-777.xml": (lambda sb, t=text: t.replace(
                          "SECRET", str(sb.sentinel / "secret.txt")))},
                      setup=_plant_secret if secret else None, post=_no_secret,
                      max_stderr_lines=IMPORT_LINES))  # fmt: skip

T = kit.TEI
TEI_ARGS = kit.VALID["tei"][2]
TEI_BROKEN = {
    "xxe-file": (
        T.replace("<TEI ", '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://SECRET">]><TEI ').replace(
            "hier soir", "hier soir &x;"
        ),
        {0, 2},
    ),
    "billion-laughs": (
        T.replace("<TEI ", f"<!DOCTYPE TEI [{LAUGHS}]><TEI ").replace(
            "hier soir", "hier soir &l9;"
        ),
        {0, 2},
    ),
    "deep-nesting": (
        T.replace("<div>", "<div>" * 100_000).replace("</div>", "</div>" * 100_000),
        {0, 2},
    ),
    "sp-without-speaker": (T.replace("<speaker>Julien Aubert</speaker>", ""), {0, 2}),
    "no-namespace": (T.replace(' xmlns="http://www.tei-c.org/ns/1.0"', ""), {0, 2}),
    "empty-body": (T[: T.index("<div>")] + "</body></text></TEI>\n", {2}),
    "truncated-mid-tag": (T[: T.index("<p>Nous") + 2], {2}),
}
for k, (text, expect) in TEI_BROKEN.items():
    secret = "SECRET" in text
    CASES.append(Case(f"tei:{k}", _imp("seance.xml", TEI_ARGS, "tei"), expect,
                      files={"seance.xml": (lambda sb, t=text: t.replace(
                          "SECRET", str(sb.sentinel / "secret.txt")))},
                      setup=_plant_secret if secret else None, post=_no_secret,
                      max_stderr_lines=IMPORT_LINES))  # fmt: skip

C = kit.CREC
OTHER_BROKEN = {
    ("crec", "script-with-escapes"): (
        C.replace("<body>", "<body><script>var s='\x1b]0;pwned\x07';</script>"),
        {0, 2},
    ),  # fmt: skip
    ("crec", "no-pre"): (C.replace("<pre>", "").replace("</pre>", ""), {0, 2}),
    ("crec", "unclosed-pre"): (C.replace("</pre></body>\n</html>\n", ""), {0, 2}),
    ("crec", "deep-bold"): (C.replace("<pre>", "<pre>" + "<b>" * 100_000), {0, 2}),
    ("vtt", "truncated-mid-timestamp"): (
        kit.VTT[: kit.VTT.index("00:00:02.000 -->") + 7],
        {0, 2},
    ),  # fmt: skip
    ("vtt", "reversed-times"): (
        kit.VTT.replace("00:00:00.000 --> 00:00:02.000", "00:00:09.000 --> 00:00:01.000"),
        {0, 2},
    ),
    ("vtt", "huge-hours"): (
        kit.VTT.replace("00:00:00.000", "99999999999999999999:00:00.000"),
        {0, 2},
    ),  # fmt: skip
    ("vtt", "no-header"): (kit.VTT.replace("WEBVTT\n", ""), {0, 2}),
    ("vtt", "cues-without-text"): (
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n\n00:00:02.000 --> 00:00:03.000\n\n",
        {2},
    ),
    ("vtt", "many-tiny-cues"): (
        "WEBVTT\n\n"
        + "".join(
            f"00:{i // 60 % 60:02d}:{i % 60:02d}.000 --> 00:{i // 60 % 60:02d}:{i % 60:02d}.500\n"
            f"[Bo Guest]: word{i}\n\n"
            for i in range(30_000)
        ),
        {0, 2},
    ),
    ("srt", "truncated-mid-timestamp"): (kit.SRT[: kit.SRT.index("00:00:02,000 -->") + 5], {0, 2}),
    ("json", "truncated"): (kit.CHAT_JSON[:40], {2}),
    ("json", "an-object"): (
        '{"speaker": "Ann", "time": "00:00:00.000", "message": "hi there"}',
        {2},
    ),  # fmt: skip
    ("json", "empty-list"): ("[]", {2}),
    ("json", "int-list"): ("[1, 2, 3]", {2}),
    ("json", "string-list"): ('["Ann Host", "Bo Guest"]', {2}),
    ("json", "null-speaker"): (
        '[{"speaker": null, "time": "00:00:00.000", "message": "hi"}]',
        {0, 2},
    ),  # fmt: skip
    ("json", "time-an-int"): ('[{"speaker": "Ann", "time": 5, "message": "hello there"}]', {0, 2}),
    ("json", "message-a-list"): (
        '[{"speaker": "Ann", "time": "00:00:00.000", "message": ["a"]}]',
        {0, 2},
    ),  # fmt: skip
    ("json", "deep-nesting"): ("[" * 100_000 + "]" * 100_000, {2}),
    ("json", "nan-and-huge"): (
        '[{"speaker": "Ann", "time": NaN, "message": "hello there"},'
        '{"speaker": "Bo", "time": 1e999, "message": "and you"}]',
        {0, 2},
    ),
    ("json", "with-bom"): ("\ufeff" + kit.CHAT_JSON, {0, 2}),
    ("markdown", "front-matter-unclosed"): (
        kit.MARKDOWN.replace("lang: en\n---", "lang: en"),
        {0, 2},
    ),  # fmt: skip
    ("markdown", "toml-front-matter-broken"): (
        '+++\ntitle = "On quoting\n+++\n\n**Ann Host:** Why?\n\n**Bo Guest:** Because.\n',
        {2},
    ),  # fmt: skip
    ("markdown", "date-2024-13-45"): (kit.MARKDOWN.replace("2024-03-05", "2024-13-45"), {0, 2}),
    ("markdown", "yaml-flow-unclosed"): (
        kit.MARKDOWN.replace("title: On quoting", "title: [unclosed"),
        {0, 2},
    ),
    ("markdown", "front-matter-only"): ("---\ntitle: x\nshow: y\nlang: en\n---\n", {2}),
    ("qa", "no-interviewee"): (kit.QA, {0}),  # issue 12: imported, answers unattributed
    ("press", "no-labelled-question"): ("Un chapeau.\n\nJANE ROE - Une réponse.\n", {2}),
    ("dialogue", "labels-only"): ("JOURNALIST:\n\nJANE ROE:\n", {2}),
    ("dialogue", "10k-char-label"): ("J" * 10_000 + ": hello there\n\nJANE ROE: hi\n", {0, 2}),
    ("assemblee", "names-only"): ("  le président\n\n\n  Julien Aubert\n", {2}),
}
for (fmt, k), (text, expect) in OTHER_BROKEN.items():
    name, _, extra = kit.VALID[fmt]
    extra = [a for a in extra if a != "--interviewee" and a != "Jeanne Roe"] if k == \
        "no-interviewee" else extra  # fmt: skip
    CASES.append(case(f"{fmt}:{k}", name, text, expect, extra))


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    return kit.run_cases(CASES, tmp_path_factory.mktemp("h3"))


@pytest.mark.parametrize("case", CASES, ids=kit.ids(CASES))
def test_malformed_transcript(batch, case):
    kit.verify(batch, case)


# --- control characters carried by a transcript: never raw on the terminal ----------------------

ESC = "\x1b]0;pwned\x07"
CSI = "\x1b[31m"
C1 = "\x9b2J"
HOSTILE = {
    "quote": (
        "t1.quote.txt",
        Q.replace('outlet = "Quote Cast"', 'outlet = "Quote\\u001b]0;pwned\\u0007 Cast"')
        .replace('title = "On quoting"', f'title = "On {C1} quoting"')
        .replace('name = "Bo Guest"', 'name = "Bo \\u001b[31mGuest\\u001b[0m"')
        .replace('interviewer = ""', 'interviewer = "Ann\\rHost\\u0008\\u0008"')
        .replace(
            'title = ""\nlabels = ["Bo Guest"]', 'title = "guest\\u0007"\nlabels = ["Bo Guest"]'
        )
        .replace(
            "people trust it anyway.",
            "people trust it anyway. \x1b]52;c;aGFja2Vk\x07 Then\x08\x08\x08 more.",
        ),
        [],
        "Bo Guest",
    ),  # fmt: skip
    "quote-id": (
        "t2.quote.txt",
        Q.replace('id = "t1"', 'id = "t\\u001b]0;pwned\\u0007"'),
        [],
        "Bo Guest",
    ),  # fmt: skip
    "json": (
        "chat.json",
        kit.CHAT_JSON.replace("Bo Guest", "Bo \\u001b]0;pwned\\u0007Guest").replace(
            "anyway.", "anyway. \\u001b[2J\\u009b31m\\u0085"
        ),
        ["--outlet", f"Cast{CSI}", "--language", "en"],
        "Bo Guest",
    ),
    "vtt": (
        "sub.vtt",
        kit.VTT.replace("[Bo Guest]:", f"<v Bo{CSI} Guest>").replace("anyway.", f"anyway. {ESC}\r"),
        ["--outlet", "Quote Cast", "--language", "en", "--title", f"T{ESC}"],
        "Bo Guest",
    ),
    "markdown": (
        "pod.md",
        kit.MARKDOWN.replace("title: On quoting", f"title: On{ESC} quoting")
        .replace("show: Quote Cast", f"show: Quote{C1} Cast")
        .replace("**Bo Guest:**", f"**Bo {CSI}Guest:**")
        .replace("anyway.", "anyway.\x07\x07"),
        [],
        "Bo Guest",
    ),
    "pm-xml": (
        "transcript-777.xml",
        P.replace("Doorstop interview", "Doorstop\x9b2J interview").replace(
            "the money is there", "the money \x85\x9d0;x\x9c is there"
        ),
        [],
        "Jane Roe",
    ),
    "dialogue": (
        "radio.txt",
        kit.RADIO.replace("next spring.", f"next spring. {ESC}{CSI}"),
        ["--outlet", f"Radio{ESC}", "--language", "en", "--interviewer", f"J{C1}"],
        "Jane Roe",
    ),
    "tei": (
        "seance.xml",
        T.replace("Julien Aubert</speaker>", "Julien\x9b Aubert</speaker>").replace(
            "hier soir.", "hier soir.\x85"
        ),
        TEI_ARGS,
        "Julien Aubert",
    ),
}
PHRASES = {"Bo Guest": "Memory is a liar and people trust it anyway",
           "Jane Roe": "We will build the bridge next spring",
           "Julien Aubert": "Nous avons abordé la question du pont hier soir"}  # fmt: skip


def _control_flow(name, fname, extra, speaker):
    phrase = PHRASES[speaker]
    draft = f"{speaker} a déclaré : « {phrase}. »\n\n“{phrase},” said {speaker}.\n"

    def plan(sb, done):
        if not done:
            return kit.Step(
                ["import", sb.inputs / fname, *extra],
                {0, 2},
                f"import {name} with control characters",
                max_stderr_lines=4,
            )
        if done[0][1].rc != 0:
            return None
        if len(done) == 1:
            return kit.Step(["sources", "--json"], 0, "sources --json")
        ids = [i for i in kit.sources_ids(done[1][1]) if i != kit.BUNDLED_ID]
        sid = ids[0] if ids else "?"
        steps = [
            kit.Step(["sources"], 0, "sources"),
            kit.Step(["show", sid], 0, "show"),
            kit.Step(["find", "--source", sid, phrase], 0, "find"),
            kit.Step(["find", "--source", sid, "--format", "tsv", phrase], 0, "find --format tsv"),
            kit.Step(["find", "--source", sid, "--json", phrase], 0, "find --json"),
            kit.Step(["check", sb.inputs / "draft.md"], {0, 1}, "check"),
        ]
        k = len(done) - 2
        return steps[k] if k < len(steps) else None

    return plan, draft


@pytest.fixture(scope="module")
def control_flows(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ctl")
    flows = {}
    for n, (name, (fname, text, extra, speaker)) in enumerate(HOSTILE.items()):
        sb = kit.Sandbox(tmp / f"c{n}")
        sb.write(fname, text)
        plan, draft = _control_flow(name, fname, extra, speaker)
        sb.write("draft.md", draft)
        flows[name] = (sb, plan)
    return kit.run_flows(flows)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_control_characters_from_a_transcript(control_flows, name):
    sb, done = control_flows[name]
    kit.verify_flow(sb, done)


def test_the_hostile_transcripts_are_well_formed():
    """The JSON and TOML above are valid as such: what is hostile is their content only."""
    json.loads(HOSTILE["json"][1])
    import tomllib

    for key in ("quote", "quote-id"):
        text = HOSTILE[key][1]
        tomllib.loads(text.split("+++")[1])
