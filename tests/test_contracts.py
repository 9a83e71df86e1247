"""The JSON contracts (issue 10): every stream's keys, their types and the schema number.

One test per stream: ``find --json`` (found and not found), ``find --field … --json``,
``check --json`` (verdict lines and the summary line), ``sources --json``. Adding a key means
adding it here; renaming or removing one breaks users and must fail here first.
"""

from __future__ import annotations

import json
from pathlib import Path

from quotecli.main import main

REPO = Path(__file__).resolve().parents[1]
DRAFT = REPO / "tests" / "fixtures" / "drafts" / "ferrari-fr.md"
STR, INT, NUM, BOOL, DICT, LIST, NONE = str, int, (int, float), bool, dict, list, type(None)


def _lines(capsys, *args) -> list[dict]:
    main(list(args))
    out = capsys.readouterr().out
    return [json.loads(line) for line in out.splitlines()]


def _typed(obj: dict, spec: dict) -> None:
    assert list(obj) == list(spec), f"keys {list(obj)} != {list(spec)}"
    for key, kind in spec.items():
        assert isinstance(obj[key], kind), f"{key}: {type(obj[key]).__name__}"


SPEAKER = {"name": STR, "role": STR, "title": (STR, NONE)}
SOURCE = {"id": STR, "path": STR, "outlet": STR, "date": (STR, NONE), "interviewer": (STR, NONE),
          "title": (STR, NONE), "url": (STR, NONE), "language": STR}  # fmt: skip
CITATION = {"style": (STR, NONE), "locale": STR, "bibliography": STR, "in_text": STR,
            "note": (STR, NONE), "text": STR, "csl": DICT}  # fmt: skip
MATCH = {"quote": STR, "match": STR, "start": INT, "end": INT, "unit": STR, "paragraph": INT,
         "score": NUM, "exact": BOOL, "editorial": BOOL, "speaker": DICT, "source": DICT,
         "citation": DICT, "context": (STR, NONE), "time": (DICT, NONE),
         "misread": LIST}  # fmt: skip
RESULT = {"schema": INT, "query": STR, "found": BOOL, "ambiguous": BOOL, "matches": LIST,
          "closest": (DICT, NONE)}  # fmt: skip


def test_find_json_found(capsys):
    (line,) = _lines(capsys, "find", "--json", "alternative à OpenAI")
    _typed(line, RESULT)
    assert line["schema"] == 1 and line["found"] is True
    m = line["matches"][0]
    _typed(m, MATCH)
    assert m["unit"] == "code points"
    _typed(m["speaker"], SPEAKER)
    _typed(m["source"], SOURCE)
    _typed(m["citation"], CITATION)


def test_find_json_not_found_has_a_typed_closest(capsys):
    (line,) = _lines(capsys, "find", "--json", "Mistral devient une véritable alternative à OpenAI")
    _typed(line, RESULT)
    assert line["found"] is False and line["matches"] == []
    closest = line["closest"]
    for key, kind in {"text": STR, "start": INT, "end": INT, "unit": STR, "score": NUM,
                      "reason": STR, "speaker": DICT, "source_id": STR}.items():  # fmt: skip
        assert isinstance(closest[key], kind), key
    assert closest["unit"] == "code points"


def test_field_json_is_compact_with_a_schema(capsys):
    main(["find", "--field", "speaker", "--json", "alternative à OpenAI"])
    out = capsys.readouterr().out
    assert out == '{"schema":1,"query":"alternative à OpenAI","speaker":["Marina Ferrari"]}\n'


def test_check_json_lines_are_typed(capsys):
    *verdicts, summary = _lines(capsys, "check", "--json", str(DRAFT))
    assert verdicts and all(v["schema"] == 1 and v["type"] == "verdict" for v in verdicts)
    _typed(summary, {"schema": INT, "type": STR, "summary": DICT})
    assert summary["type"] == "summary" and summary["summary"]["quotations"] == len(verdicts)
    cited = next(v for v in verdicts if v["citation"])
    assert cited["citation"]["unit"] == "code points"
    assert {"source", "paragraph", "start", "end"} <= set(cited["citation"])


def test_sources_json(capsys):
    (row,) = _lines(capsys, "sources", "--json")
    _typed(row, {"schema": INT, "id": STR, "outlet": STR, "date": (STR, NONE),
                 "title": (STR, NONE), "language": STR, "speakers": LIST, "turns": INT,
                 "unattributed": INT, "format": (STR, NONE), "bundled": BOOL})  # fmt: skip
    assert row["schema"] == 1 and row["bundled"] is True
    assert all(set(s) == {"id", "name", "role", "turns"} for s in row["speakers"])
    assert sum(s["turns"] for s in row["speakers"]) == row["turns"]
