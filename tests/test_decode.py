"""The legacy 8-bit sniffer of ``text.decode`` on real bytes (issue 12).

Each row is the bytes a parliament's or a newsroom's old text file holds, written out byte by
byte as that code page encodes them (Windows-1252 French, Windows-1250 Polish and Czech,
Windows-1251 Russian, Mac OS Roman French): the sniffer must read each in its own encoding,
say so in a warning that shows decoded words, and never produce mojibake silently.
"""

from __future__ import annotations

import pytest

from quotecli.text.decode import DecodeError, sniff

CASES = [
    (  # French, Windows-1252: « » guillemets, a curly apostrophe (0x92)
        b"Le pr\xe9sident : \xab Tr\xe8s bien, la s\xe9ance est lev\xe9e \xe0 dix-huit heures."
        b" \xbb Mme M\xfcller r\xe9pond : c\x92est d\xe9j\xe0 fait.\n",
        "cp1252", "Le président : « Très bien", "Windows-1252",
    ),
    (  # Polish, Windows-1250: ł (0xb3), ę (0xea), ń (0xf1), Ż (0xaf)
        b"Marsza\xb3ek Sejmu: Otwieram posiedzenie. Prosz\xea pa\xf1stwa, zaczynamy od"
        b" pierwszego punktu porz\xb9dku dziennego. Pan pose\xb3 \xaf\xf3\xb3kiewski ma g\xb3os.\n",
        "cp1250", "Marszałek Sejmu: Otwieram posiedzenie. Proszę państwa", "Windows-1250",
    ),
    (  # Czech, Windows-1250: ř (0xf8), ž (0x9e), ě (0xec), ů (0xf9) — Western reads "schùzi"
        b"P\xf8edseda: V\xe1\x9een\xe9 pan\xed poslankyn\xec, v\xe1\x9een\xed p\xe1ni poslanci,"
        b" zahajuji sch\xf9zi Poslaneck\xe9 sn\xecmovny.\n",
        "cp1250", "zahajuji schůzi Poslanecké sněmovny", "Windows-1250",
    ),
    (  # Russian, Windows-1251
        b"\xcf\xf0\xe5\xe4\xf1\xe5\xe4\xe0\xf2\xe5\xeb\xfc: \xd3\xe2\xe0\xe6\xe0\xe5\xec\xfb\xe5"
        b" \xea\xee\xeb\xeb\xe5\xe3\xe8, \xe7\xe0\xf1\xe5\xe4\xe0\xed\xe8\xe5 \xee\xf2\xea\xf0"
        b"\xfb\xf2\xee.\n",
        "cp1251", "Председатель: Уважаемые коллеги, заседание открыто.", "Windows-1251",
    ),
    (  # French, Mac OS Roman: é is 0x8e, è 0x8f, à 0x88
        b"Le pr\x8esident : Tr\x8fs bien, la s\x8eance est lev\x8ee. M. Lef\x8fvre a d\x8ej\x88"
        b" r\x8epondu \x88 la premi\x8fre question.\n",
        "mac_roman", "M. Lefèvre a déjà répondu à la première question.", "Mac OS Roman",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "codec", "words", "label"), CASES)
def test_a_legacy_file_is_read_in_its_own_encoding_and_says_so(raw, codec, words, label):
    got = sniff(raw)
    assert got.text == raw.decode(codec)
    assert words in got.text
    assert got.warning and label in got.warning and "pass --encoding" in got.warning
    shown = got.warning.split(": ", 1)[1]
    assert "''" not in shown  # the words shown are words, not a lone guillemet


def test_the_encoding_a_page_declares_wins():
    raw = b'<html><head><meta charset="windows-1250"></head><p>Pan pose\xb3 ma g\xb3os.</p>'
    got = sniff(raw)
    assert "Pan poseł ma głos." in got.text and "as the file declares" in got.warning


def test_utf8_is_read_without_a_word():
    assert sniff("Le président : très bien.\n".encode()).warning is None


def test_bytes_no_candidate_reads_as_text_are_refused_asking_for_the_encoding():
    raw = bytes(range(0x80, 0xA0)) * 4 + b"\n"  # C1 controls in every Windows reading
    with pytest.raises(DecodeError, match="--encoding"):
        sniff(raw)


def test_an_asked_encoding_that_does_not_read_the_bytes_is_one_clear_error():
    with pytest.raises(DecodeError, match="cannot decode as ascii"):
        sniff(b"caf\xe9\n", "ascii")
