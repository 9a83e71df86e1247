"""One owner per rule (issue 10): each rule's table, and a regression test for each bug that
copies of a rule had caused."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from quotecli import context
from quotecli.main import main
from quotecli.readers import EXTENSIONS, FORMATS, READERS, stem
from quotecli.text import dates, ids, lang, names

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "data" / "la-tribune-2024-02-ferrari.quote.txt"
TEI = REPO.parent / "shared" / "corpus" / "formats" / "20130129.xml"


# --- issue 10 regressions ----------------------------------------------------------------------


@pytest.mark.skipif(not TEI.is_file(), reason="../shared/corpus is not beside the repository")
def test_issue_10_a_tei_file_is_imported_under_its_stem(tmp_path, capsys):
    seance = tmp_path / "seance.tei"
    shutil.copy(TEI, seance)
    assert main(["import", str(seance)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("imported seance (tei) from ")


@pytest.mark.parametrize("value", ["2024-13", "2023-02-29", "2024-00", "2024-02-30", "May 2024"])
def test_issue_10_a_date_off_the_calendar_is_one_usage_error(value, capsys):
    radio = REPO / "tests" / "fixtures" / "import" / "radio.txt"
    assert main(["import", str(radio), "--outlet", "X", "--date", value]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("quote: error: --date must be")
    assert "radio.txt" not in err[0]  # refused at the option, not once per file


def test_issue_10_tsv_never_writes_escape_or_bell_from_a_transcript(tmp_path, capsys):
    text = BUNDLED.read_text(encoding="utf-8")
    hostile = text.replace("Il faut donc se réjouir", "Il faut \x1b]52;c;aGk=\x07donc se réjouir")
    hostile = hostile.replace('id = "la-tribune-2024-02-ferrari"', 'id = "hostile"')
    path = tmp_path / "hostile.quote.txt"
    path.write_text(hostile, encoding="utf-8")
    assert main(["import", str(path)]) == 0
    capsys.readouterr()
    main(["find", "--format", "tsv", "--source", "hostile", "donc se réjouir de cet accord"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]52;c;aGk=\\x07" in out


# --- the rules' tables -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value,ok",
    [("2024", True), ("2024-02", True), ("2024-02-29", True), ("2023-02-28", True),
     ("2023-02-29", False), ("2024-13", False), ("2024-04-31", False), ("24-02", False),
     ("2024-2", False), ("", False)],
)  # fmt: skip
def test_one_date_rule(value, ok):
    if ok:
        assert dates.check(value) == value
    else:
        with pytest.raises(dates.DateError):
            dates.check(value)


@pytest.mark.parametrize(
    "value,expected",
    [("2024-02-27T10:00:00Z", "2024-02-27"), ("2024-02-27 10:00", "2024-02-27"),
     ("2024-02", "2024-02"), ("", None), (None, None)],
)  # fmt: skip
def test_front_matter_dates_are_cut_to_the_day(value, expected):
    assert dates.normalize(value) == expected


def test_one_month_table_serves_readers_and_citations():
    from quotecli.cite import formats
    from quotecli.readers import assemblee

    assert formats._MONTHS is dates.MONTHS["en"]
    assert assemblee._MONTHS["décembre"] == 12
    assert dates.human("2024-02-01", "fr-FR") == "1er février 2024"


@pytest.mark.parametrize(
    "tag,primary", [("fr-FR", "fr"), ("fr_FR.UTF-8", "fr"), ("EN", "en"), ("", "en"), (None, "en")]
)
def test_one_language_tag_parser(tag, primary):
    assert lang.primary(tag) == primary


@pytest.mark.parametrize(
    "value,tag",
    [("fr_FR.UTF-8", "fr-FR"), ("C.UTF-8", None), ("POSIX", None), ("de_DE@euro", "de-DE")],
)
def test_posix_locales_become_bcp47(value, tag):
    assert lang.from_posix(value) == tag


@pytest.mark.parametrize(
    "label,name",
    [("PRIME MINISTER", "Prime Minister"), ("MARINA FERRARI", "Marina Ferrari"),
     ("MINISTRE DE LA CULTURE", "Ministre de la Culture"), ("Jean-Luc", "Jean-Luc"),
     ("JEAN-LUC MÉLENCHON", "Jean-Luc Mélenchon")],
)  # fmt: skip
def test_one_name_display(label, name):
    assert names.from_label(label) == name


@pytest.mark.parametrize(
    "value,ok",
    [("pm-40598", True), ("la-tribune-2024-02-ferrari", True), ("a.b_c", True),
     ("../x", False), ("/etc/passwd", False), (".hidden", False), ("a/b", False),
     ("a\nb", False), ("a\tb", False), ("a\x1bb", False), ("x" * 101, False), ("", False),
     ("é", False)],
)  # fmt: skip
def test_one_id_rule(value, ok):
    if ok:
        assert ids.check(value) == value
    else:
        with pytest.raises(ids.IdError):
            ids.check(value)


def test_slugs_are_valid_ids():
    for text in ("Marina Ferrari", "Ça va, Ørsted!", "日本語", "  "):
        assert ids.check(ids.slug(text))


def test_one_readers_table_gives_formats_and_extensions():
    assert FORMATS == tuple(r.name for r in READERS)
    assert ".tei" in EXTENSIONS and ".quote.txt" in EXTENSIONS
    assert stem("seance.tei") == "seance"
    assert stem("E100.mp3.vtt") == "E100"
    assert stem("x.quote.txt") == "x"


# --- the environment object carries the streams and the colour rules ---------------------------


@pytest.mark.parametrize(
    "tty,environ,choice,colour",
    [(True, {}, "auto", True), (False, {}, "auto", False), (True, {"NO_COLOR": "1"}, "auto", False),
     (True, {"NO_COLOR": ""}, "auto", True), (True, {"TERM": "dumb"}, "auto", False),
     (False, {"FORCE_COLOR": "1"}, "auto", True), (False, {"FORCE_COLOR": "0"}, "auto", False),
     (True, {"NO_COLOR": "1"}, "always", True), (True, {"FORCE_COLOR": "1"}, "never", False)],
)  # fmt: skip
def test_colour_rules(tty, environ, choice, colour):
    assert context.Environment(stdout_tty=tty, environ=environ).color(choice) is colour


def test_commands_write_to_the_environment_streams(tmp_path):
    from quotecli.cli import sources

    out = io.StringIO()
    env = context.Environment(environ={"QUOTE_HOME": str(tmp_path)}, stdout=out)
    assert sources.run_sources(sources.SourcesConfig(json_out=True), env) == 0
    assert '"id":"la-tribune-2024-02-ferrari"' in out.getvalue()


def test_a_phrase_batch_reads_the_environment_stdin(tmp_path):
    from quotecli.cli import find

    out = io.StringIO()
    env = context.Environment(
        environ={"QUOTE_HOME": str(tmp_path)},
        stdin=io.BytesIO("alternative à OpenAI\n\njamais dit ceci\n".encode()),
        stdout=out,
    )
    config = find.FindConfig.build(phrase=["-"], **dict(find.DEFAULTS, json_out=True))
    assert find.run(config, env) == 1
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and '"found":true' in lines[0] and '"found":false' in lines[1]


@pytest.mark.skipif(not TEI.is_file(), reason="../shared/corpus is not beside the repository")
def test_issue_12_show_marks_the_turns_of_damaged_labels(capsys):
    ocr = TEI.parent / "transcript-4010.xml"  # a 1975 OCR'd transcript: "RIME MINISTER"
    assert main(["import", str(ocr)]) == 0
    capsys.readouterr()
    assert main(["show", "--no-pager", "pm-4010"]) == 0
    out = capsys.readouterr().out
    marked = [line for line in out.splitlines() if line.endswith("! damaged label (OCR?)")]
    assert marked and all(line.startswith("[") for line in marked)
    assert any("Malcolm Fraser (interviewee)" in line for line in marked)  # "RIME MINISTER"


def test_issue_12_show_says_unattributed_in_words_and_counts_one_turn(tmp_path, capsys):
    page = tmp_path / "qa.md"
    page.write_text(
        "# Entretien\n\n**Pourquoi ?**\n\nParce que.\n\n**Et après ?**\n\nOn verra.\n",
        encoding="utf-8",
    )
    assert main(["import", str(page), "--outlet", "Le Monde", "--language", "fr"]) == 0
    capsys.readouterr()
    assert main(["show", "--no-pager", "qa"]) == 0
    out = capsys.readouterr().out
    assert "__unattributed__" not in out and "[labels: QUESTION]" not in out
    assert "Unattributed (unattributed) — no speaker is named in the file" in out
    one = tmp_path / "one.txt"
    one.write_text("ANN LEE: Hello there.\n", encoding="utf-8")
    assert main(["import", str(one), "--outlet", "X", "--language", "en"]) == 0
    capsys.readouterr()
    assert main(["sources"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("one\t") and "\t1 turn\t" in line for line in lines)
    assert any(line.startswith("qa\t") and "\t5 turns (2 unattributed)\t" in line for line in lines)


def test_issue_12_a_refused_file_names_the_labels_it_saw(tmp_path, capsys):
    otter = tmp_path / "ep.txt"
    otter.write_text("Emma Bostian  0:00\nHello.\n\nAli Spittel  0:12\nHi.\n", encoding="utf-8")
    assert main(["import", str(otter), "--outlet", "X", "--language", "en", "--format",
                 "press"]) == 2  # fmt: skip
    err = capsys.readouterr().err
    assert "labels found: 'Emma Bostian' 1 time, 'Ali Spittel' 1 time — pass --format turns" in err
