"""Each fix of quotecli/cite/engine_fixes.py, paired with a canary on the raw engine.

A ``test_fix_*`` test checks our output. A ``test_canary_*`` test renders the same thing with
citeproc-py as shipped and asserts the upstream bug is still there: when a canary fails,
upstream has fixed the bug, and the matching fix (and canary) should be removed.
"""

from __future__ import annotations

import warnings

import pytest

from quotecli.cite import engine
from quotecli.cite.engine_fixes import curl_apostrophes, punctuation_in_quote
from quotecli.cite.styles import style_ref

INTERVIEW = {
    "id": "a",
    "type": "interview",
    "author": [{"family": "Ferrari", "given": "Marina"}],
    "interviewer": [{"family": "Rolland", "given": "Sylvain"}],
    "container-title": "La Tribune",
    "issued": {"date-parts": [[2024, 2]]},
    "language": "fr",
}
NEWSPAPER = {
    "id": "d",
    "type": "article-newspaper",
    "author": [{"family": "Rolland", "given": "Sylvain"}],
    "container-title": "La Tribune",
    "issued": {"date-parts": [[2024, 2]]},
    "language": "fr",
}
BRACKETED = {**NEWSPAPER, "id": "f", "title": "[Interview with Marina Ferrari]"}
TITLED = {
    **INTERVIEW,
    "id": "b",
    "title": "Titre de l'entretien",
    "URL": "https://example.org/l'url",
}


def ours(style: str, item: dict, locale: str = "en-US", paragraph: int | None = None):
    return engine.render(item, style_ref(style).file, locale, paragraph)


def raw(
    style: str,
    item: dict,
    locale: str = "en-US",
    paragraph: int | None = None,
    timestamp: str | None = None,
):
    """(bibliography, citation) from citeproc-py as shipped, used as most programs use it:
    one bibliography object that registers the citation, renders it, then the bibliography."""
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        Locator,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        csl = CitationStylesStyle(str(style_ref(style).file), locale=locale, validate=False)
    bib = CitationStylesBibliography(csl, CiteProcJSON([item]), formatter.plain)
    kwargs = {"locator": Locator("paragraph", str(paragraph))} if paragraph else {}
    if timestamp:
        kwargs = {"locator": Locator("timestamp", timestamp)}
    citation = Citation([CitationItem(item["id"], **kwargs)])
    bib.register(citation)
    cite = str(bib.cite(citation, lambda _: None))
    return str(bib.bibliography()[0]), cite


# 1. initialize="false"
def test_fix_1_full_given_names_in_mla_and_chicago():
    assert ours("modern-language-association", INTERVIEW).bibliography.startswith(
        "Ferrari, Marina. Interview by Sylvain Rolland."
    )
    assert ours("chicago-notes-bibliography", INTERVIEW).citation.startswith("Marina Ferrari,")


def test_canary_1_upstream_initializes_given_names():
    assert raw("modern-language-association", INTERVIEW)[0].startswith("Ferrari, M. ")


# 2. punctuation-in-quote
def test_fix_2_period_and_comma_inside_closing_quotes():
    assert (
        "“[Interview with Marina Ferrari].”"
        in ours("modern-language-association", BRACKETED).bibliography
    )
    note = ours("chicago-notes-bibliography", BRACKETED).citation
    assert "“[Interview with Marina Ferrari],” La Tribune" in note


def test_fix_2_not_for_british_or_french_locales():
    assert (
        "‘[Interview with Marina Ferrari]’,"
        in ours("harvard-cite-them-right", BRACKETED, "en-GB").bibliography
    )
    assert "]\u00a0»." in ours("modern-language-association", BRACKETED, "fr-FR").bibliography


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Title”.", "“Title.”"),
        ("“Title”, x", "“Title,” x"),
        ("“Title?”.", "“Title?”"),
        ("<i>“Title”</i>.", "<i>“Title.”</i>"),
        ("no quotes.", "no quotes."),
    ],
)
def test_fix_2_table(text, expected):
    assert punctuation_in_quote(text) == expected


def test_canary_2_upstream_leaves_punctuation_outside():
    assert "“[Interview with Marina Ferrari]”." in raw("modern-language-association", BRACKETED)[0]


# 3. disambiguate
def test_fix_3_mla_in_text_has_no_title():
    assert ours("modern-language-association", BRACKETED).citation == "(Rolland)"


def test_canary_3_upstream_adds_the_title():
    assert raw("modern-language-association", BRACKETED)[1] == (
        "(Rolland, “[Interview with Marina Ferrari]”)"
    )


# 4. label for an empty variable
def test_fix_4_no_stray_edition_in_chicago_newspaper_entries():
    rendered = ours("chicago-notes-bibliography", NEWSPAPER)
    assert rendered.bibliography == "Rolland, Sylvain. La Tribune, February 2024."
    assert "Edition" not in rendered.citation


def test_canary_4_upstream_renders_edition():
    assert raw("chicago-notes-bibliography", NEWSPAPER)[0].endswith("2024. Edition.")


# 5. delimiter of a localized date
def test_fix_5_vancouver_year_and_month_are_spaced():
    assert ours("nlm-citation-sequence", NEWSPAPER).bibliography.endswith("2024 Feb.")


def test_canary_5_upstream_glues_year_and_month():
    assert "2024Feb." in raw("nlm-citation-sequence", NEWSPAPER)[0]


# 6. second-field-align
def test_fix_6_first_field_set_off_by_a_space():
    assert ours("ieee", INTERVIEW).bibliography == "[1] M. Ferrari, La Tribune, Feb. 2024."
    assert ours("nlm-citation-sequence", NEWSPAPER).bibliography.startswith("1. Rolland S.")


def test_canary_6_upstream_glues_the_number():
    assert raw("ieee", INTERVIEW)[0].startswith("[1]M. Ferrari")


# 7. title-cased role labels
def test_fix_7_apa_role_label_title_cased():
    assert "(S. Rolland, Interviewer)" in ours("apa", TITLED).bibliography


def test_canary_7_upstream_lowercase_role_label():
    assert "(S. Rolland, interviewer)" in raw("apa", TITLED)[0]


# 8. apostrophes
def test_fix_8_curly_apostrophes_but_not_in_links():
    bibliography = ours("apa", TITLED).bibliography
    assert "Titre de l’entretien" in bibliography
    assert "https://example.org/l'url" in bibliography
    assert curl_apostrophes("l'adresse https://x.org/a'b") == "l’adresse https://x.org/a'b"


def test_canary_8_upstream_keeps_straight_apostrophes():
    assert "Titre de l'entretien" in raw("apa", TITLED)[0]


# 9. locator leaking into the bibliography
def test_fix_9_bibliography_is_locator_free():
    rendered = ours("apa", BRACKETED, paragraph=4)
    assert rendered.citation == "(Rolland, 2024, para. 4)"
    assert "para" not in rendered.bibliography


def test_canary_9_upstream_leaks_the_locator():
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        Locator,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    # Chicago notes bibliography entries render the locator when the registered item has one.
    csl = CitationStylesStyle(str(style_ref("chicago-notes-bibliography").file), validate=False)
    bib = CitationStylesBibliography(csl, CiteProcJSON([INTERVIEW]), formatter.plain)
    citation = Citation([CitationItem("a", locator=Locator("paragraph", "4"))])
    bib.register(citation)
    bib.cite(citation, lambda _: None)
    assert "4" in str(bib.bibliography()[0]).replace("2024", "")


# French typography (not an engine bug in CITATIONS.md's list, but a fix against every engine)
def test_french_dates_put_the_day_first():
    full = {**INTERVIEW, "issued": {"date-parts": [[2024, 2, 27]]}}
    assert "(2024, 27 février)" in ours("apa", full, "fr-FR").bibliography
    assert ours("chicago-author-date", full, "fr-FR").bibliography.endswith(
        "La Tribune, 27 février."
    )
    assert "(2024, February 27)" in ours("apa", full, "en-US").bibliography


# Issue 14: the fixes that the source types need.
PODCAST = {
    "id": "p",
    "type": "broadcast",
    "host": [{"family": "Mensah", "given": "Ada"}],
    "title": "The long count",
    "number": "100",
    "container-title": "Signal Path",
    "publisher": "Northbank Audio",
    "medium": "Audio podcast episode",
    "issued": {"date-parts": [[2024, 3, 5]]},
    "URL": "https://example.org/signal-path/100",
    "language": "en",
}
URL = "https://example.org/signal-path/100"
UNDATED = {k: v for k, v in PODCAST.items() if k != "issued"}
UNTITLED_SPEECH = {
    "id": "s",
    "type": "speech",
    "author": [{"family": "Vries", "given": "Anne-Marie", "non-dropping-particle": "de"}],
    "title": "Address to the Europa Forum",
    "publisher": "Europa Forum",
    "issued": {"date-parts": [[2024, 5, 8]]},
    "language": "en",
}


# 10. CSL 1.0.2 name variables
def test_fix_10_host_is_a_name_in_apa():
    assert ours("apa", PODCAST).bibliography == (
        "Mensah, A. (Host). (2024, March 5). The long count (No. 100) [Audio podcast episode]."
        " In Signal Path. Northbank Audio. https://example.org/signal-path/100"
    )


def test_canary_10_upstream_reads_host_as_a_string():
    with warnings.catch_warnings(), pytest.raises(AttributeError, match="parts"):
        warnings.simplefilter("ignore")
        raw("apa", PODCAST)


# 11. substituted variables are suppressed
def test_fix_11_title_not_printed_twice_without_an_author():
    entry = ours("modern-language-association", PODCAST).bibliography
    assert entry.startswith("“The Long Count.” Signal Path, hosted by Ada Mensah, episode 100,")
    assert entry.count("Long Count") == 1
    chicago = ours("chicago-notes-bibliography", PODCAST).bibliography
    assert chicago.startswith("Mensah, Ada, host. Signal Path.")
    assert "hosted by" not in chicago


def test_canary_11_upstream_prints_the_title_twice():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        no_host = {k: v for k, v in PODCAST.items() if k != "host"}
        entry = raw("modern-language-association", no_host)[0]
    assert entry.startswith("“The Long Count”. “The Long Count”. Signal Path")


# 12. term form fallback (Chicago's "at" before a timestamp)
def test_fix_12_chicago_at_before_a_timestamp():
    note = engine.render(
        PODCAST, style_ref("chicago-notes-bibliography").file, "en-US", None, "00:04:10"
    ).citation
    assert "March 5, 2024, at 00:04:10," in note


def test_canary_12_upstream_prints_no_at():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        note = raw("chicago-notes-bibliography", INTERVIEW, timestamp="00:04:10")[1]
    assert "2024, 00:04:10" in note


# 13. doubled periods
def test_fix_13_no_doubled_period_in_iso690():
    entry = ours("iso690-author-date-fr-no-abstract", UNTITLED_SPEECH, "fr-FR").bibliography
    assert (
        entry
        == "DE VRIES, Anne-Marie, 2024. Address to the Europa Forum. Europa Forum. 8 mai 2024."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Forum. . Europa", "Forum. Europa"),
        ("Jr..", "Jr."),
        ("Why?.", "Why?"),
        ("etc... and", "etc... and"),
        ("<i>Title.</i>. Next", "<i>Title.</i> Next"),
        ("https://x.org/a. .b", "https://x.org/a. .b"),
    ],
)
def test_fix_13_table(text, expected):
    from quotecli.cite.engine_fixes import squash_periods

    assert squash_periods(text) == expected


def test_canary_13_upstream_prints_doubled_periods():
    entry = raw("iso690-author-date-fr-no-abstract", UNTITLED_SPEECH, "fr-FR")[0]
    assert "Forum. . Europa" in entry


# 14. "Retrieved" only with a retrieval date
def test_fix_14_no_dangling_retrieved_for_undated_sources():
    entry = ours("apa", UNDATED).bibliography
    assert entry.endswith("[Audio podcast episode]. In Signal Path. Northbank Audio. " + URL)
    assert "(n.d.)" in entry
    accessed = {**UNDATED, "accessed": {"date-parts": [[2024, 3, 6]]}}
    assert "Retrieved March 6, 2024, from https://" in ours("apa", accessed).bibliography


def test_canary_14_upstream_prints_retrieved_alone():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        undated = {k: v for k, v in UNTITLED_SPEECH.items() if k != "issued"}
        assert "Retrieved https://example.org" in raw("apa", {**undated, "URL": URL})[0]


UNSIGNED = {
    "id": "n",
    "type": "interview",
    "title": "Le cloud en question",
    "container-title": "La Tribune",
    "issued": {"date-parts": [[2024, 2]]},
    "language": "fr",
}


@pytest.mark.parametrize(
    ("style", "entry"),
    [
        ("apa", "Le cloud en question. (2024, February). [Interview]. La Tribune."),
        ("modern-language-association", "“Le cloud en question.” La Tribune, Feb. 2024."),
        ("chicago-notes-bibliography", "“Le cloud en question.” La Tribune, February 2024."),
    ],
)
def test_fix_11_no_title_twice_without_an_author(style, entry):
    assert ours(style, UNSIGNED).bibliography == entry


@pytest.mark.parametrize(
    ("style", "twice"),
    [
        ("apa", "Le cloud en question. (2024, February). Le cloud en question [Interview]."),
        ("modern-language-association", "“Le cloud en question”. “Le cloud en question”."),
        ("chicago-notes-bibliography", "“Le cloud en question”. “Le cloud en question”."),
    ],
)
def test_canary_11_upstream_prints_the_title_twice_in_apa_mla_chicago(style, twice):
    assert raw(style, UNSIGNED)[0].startswith(twice)
