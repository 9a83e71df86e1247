"""JSON turns ({speaker, time, message}), the chat export of diarized transcripts (issue 7)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotecli.main import main
from quotecli.readers import convert, detect
from quotecli.readers.builder import ReaderError

E100 = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "formats" / "E100.json"


@pytest.mark.skipif(not E100.exists(), reason="../shared/corpus is not beside the repository")
def test_the_corpus_chat_export_imports_and_is_cited_by_time(tmp_path, monkeypatch, capsys):
    assert detect(E100.read_text(encoding="utf-8")) == "json"
    monkeypatch.setenv("QUOTE_HOME", str(tmp_path / "home"))
    args = ["import", str(E100), "--outlet", "The Seen and the Unseen", "--date", "2019"]
    assert main([*args, "--role", "Amit Varma=host"]) == 0
    capsys.readouterr()
    assert main(["--json", "hey, let's do a podcast instead"]) == 0
    m = json.loads(capsys.readouterr().out)["matches"][0]
    assert m["quote"] == "He said, hey, let's do a podcast instead."
    assert (m["speaker"]["name"], m["speaker"]["role"]) == ("Amit Varma", "host")
    assert m["time"] == {"start": "00:00:30.000", "end": "00:01:28.000"}
    assert m["citation"]["text"].endswith("00:00:30.")


def test_turns_times_and_unidentified_speakers():
    rows = [
        {"speaker": "Unknown", "time": "0:00:01", "message": "Welcome."},
        {"speaker": "Ann Host", "time": "00:00:05.5", "message": "Thank you for coming."},
        {"speaker": "Ann Host", "time": "00:00:09.000", "message": ""},
    ]
    got = convert(json.dumps(rows).encode(), "show.json", options={"outlet": "X", "language": "en"})
    assert got.format == "json"
    assert "start=00:00:01.000 end=00:00:05.500" in got.text
    assert 'title = "unidentified"' in got.text


@pytest.mark.parametrize(
    "payload, message",
    [
        (b'[{"speaker": "", "message": "x"}]', "row 1: no speaker"),
        (b'[{"speaker": "A", "message": "x"', "not valid JSON"),
    ],
)
def test_bad_json_turns_are_clear_errors(payload, message):
    with pytest.raises(ReaderError, match=message):
        convert(payload, "bad.json", fmt="json", options={"outlet": "X", "language": "en"})
