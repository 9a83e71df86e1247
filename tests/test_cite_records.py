"""Issue 14, item 4: the record formats by source type, checked against their readers.

- CSL-JSON against the CSL 1.0.2 data schema (``tests/schemas/csl-data.json``, vendored from
  citation-style-language/schema at tag v1.0.2, MIT licence beside it).
- BibLaTeX through ``biber --tool --validate-datamodel`` when biber is installed (Debian:
  ``apt-get install biber``), else skipped.
- RIS types that Zotero's RIS translator imports as the right item type.
- Wikipedia: the CS1 template of each type, with parameters that template documents.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from quotecli.cite import render_citation
from quotecli.cite.item import csl_item
from quotecli.cite.records import brace_proper_nouns, ris_type
from quotecli.transcript.fileformat import load

HERE = Path(__file__).parent
BY_TYPE = sorted((HERE / "fixtures" / "by-type").glob("*.quote.txt"))
SEED = HERE.parent / "data" / "la-tribune-2024-02-ferrari.quote.txt"
ITEMS = {p.name.removesuffix(".quote.txt"): csl_item(load(p)) for p in [SEED, *BY_TYPE]}


def test_every_item_is_valid_csl_json():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((HERE / "schemas" / "csl-data.json").read_text("utf-8"))
    for name, item in ITEMS.items():
        jsonschema.validate([item], schema)  # raises with the offending key
        exported = json.loads(render_citation(item, style="csl-json").text)
        jsonschema.validate(exported, schema)
        assert exported == [item], name


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber is not installed")
def test_bibtex_passes_biber_data_model_check(tmp_path):
    entries = [render_citation(item, style="bibtex").text for item in ITEMS.values()]
    bib = tmp_path / "quote.bib"
    bib.write_text("\n\n".join(entries) + "\n", "utf-8")
    done = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", f"--output-file={tmp_path / 'out.bib'}",
         str(bib)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    log = done.stdout + done.stderr
    assert done.returncode == 0, log
    assert "WARN" not in log and "ERROR" not in log, log


def test_bibtex_interview_is_an_article_with_the_interviewer_as_editora():
    text = render_citation(ITEMS["la-tribune-2024-02-ferrari"], style="bibtex").text
    assert text.startswith("@article{la-tribune-2024-02-ferrari,")
    assert "  editora = {Rolland, Sylvain},\n  editoratype = {interviewer}," in text
    assert "  title = {[Interview with {Marina Ferrari}]}," in text
    assert "  date = {2024-02},\n  year = {2024},\n  month = feb," in text


def test_bibtex_podcast_and_particles():
    text = render_citation(ITEMS["podcast-episode"], style="bibtex").text
    assert text.startswith("@misc{podcast-episode,\n  author = {Mensah, Ada},")
    assert "  type = {Audio podcast episode},\n  organization = {Northbank Audio}," in text
    assert "  note = {Episode 100}," in text


@pytest.mark.parametrize(
    ("title", "braced"),
    [
        ("Address to the Europa Forum", "Address to the {Europa Forum}"),
        ("The long count", "The long count"),
        ("NATO and the EU", "{NATO} and the {EU}"),
        ("[Interview with Marina Ferrari]", "[Interview with {Marina Ferrari}]"),
        ("Jean-Luc Mélenchon à Lyon", "Jean-Luc {Mélenchon} à {Lyon}"),
        (r"50\% of \#1", r"50\% of \#1"),
    ],
)
def test_brace_proper_nouns(title, braced):
    assert brace_proper_nouns(title) == braced


# Zotero's RIS translator (zotero/translators, RIS.js, importTypeMap): NEWS → newspaperArticle,
# SOUND → audioRecording, MPCT → film, SLIDE → presentation, HEAR → hearing. It has no RIS
# type for an interview, a podcast or a broadcast; it exports them as PCOMM (a letter on
# import), SOUND and MPCT.
RIS_TYPES = {
    "la-tribune-2024-02-ferrari": "NEWS",
    "interview-radio": "SOUND",
    "podcast-episode": "SOUND",
    "broadcast": "SOUND",
    "press-conference": "SLIDE",
    "speech": "SLIDE",
    "debate": "SLIDE",
    "hearing": "HEAR",
}


@pytest.mark.parametrize(("name", "ty"), sorted(RIS_TYPES.items()))
def test_ris_type_for_zotero(name, ty):
    item = ITEMS[name]
    assert ris_type(item) == ty
    text = render_citation(item, style="ris").text
    assert text.splitlines()[0] == f"TY  - {ty}"
    tags = [line[:2] for line in text.splitlines()]
    if ty == "NEWS":  # Zotero reads M3 of a journal-like record as its DOI
        assert "M3" not in tags
    assert tags.count("TY") == 1 and tags[-1] == "ER"


def test_ris_television_is_a_motion_picture():
    item = {**ITEMS["broadcast"], "medium": "Television broadcast"}
    assert ris_type(item) == "MPCT"


# CS1 parameters each template documents (Wikipedia Template:Cite interview, Cite podcast,
# Cite AV media, Cite speech), plus the ones every CS1 template takes.
COMMON = {"date", "url", "access-date", "language", "quote", "at", "time", "publisher"}
TEMPLATE_PARAMS = {
    "cite interview": COMMON | {"last", "first", "last2", "first2", "interviewer", "title",
                                "work", "program"},
    "cite podcast": COMMON | {"host", "title", "website"},
    "cite AV media": COMMON | {"people", "title", "series", "medium"},
    "cite speech": COMMON | {"last", "first", "title", "type", "event"},
}  # fmt: skip
TEMPLATES = {
    "la-tribune-2024-02-ferrari": "cite interview",
    "interview-radio": "cite interview",
    "podcast-episode": "cite podcast",
    "broadcast": "cite AV media",
    "press-conference": "cite speech",
    "speech": "cite speech",
    "debate": "cite speech",
    "hearing": "cite speech",
}


@pytest.mark.parametrize(("name", "template"), sorted(TEMPLATES.items()))
def test_wikipedia_template_by_type(name, template):
    text = render_citation(ITEMS[name], style="wikipedia", paragraph=2, quote="Q").text
    assert text.startswith("{{" + template + " |")
    used = {part.split("=", 1)[0].strip() for part in text[2:-2].split(" |")[1:]}
    assert used <= TEMPLATE_PARAMS[template], used - TEMPLATE_PARAMS[template]
    assert "|quote=Q" in text


def test_wikipedia_podcast_names_the_host_and_the_show():
    text = render_citation(ITEMS["podcast-episode"], style="wikipedia").text
    assert text == (
        "{{cite podcast |host=Ada Mensah |title=The long count |website=Signal Path"
        " |publisher=Northbank Audio |date=5 March 2024"
        " |url=https://example.org/signal-path/100 |language=en}}"
    )


def test_same_name_object_in_every_format():
    item = ITEMS["podcast-episode"]
    guest = item["guest"][0]
    assert guest == {"family": "La Verpillière", "given": "Olivier", "non-dropping-particle": "de"}
    assert "A2  - de La Verpillière, Olivier" in render_citation(item, style="ris").text
    exported = json.loads(render_citation(item, style="csl-json").text)[0]
    assert exported["guest"][0] == guest
