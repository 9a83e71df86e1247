"""Issue 14, item 2: people's names through the one name module (quotecli/text/names.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from quotecli.text import names


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("MCCAIN", "McCain"),
        ("JOHN MCCAIN", "John McCain"),
        ("O'BRIEN", "O'Brien"),
        ("DANA O’BRIEN", "Dana O’Brien"),
        ("JEAN-LUC MÉLENCHON", "Jean-Luc Mélenchon"),
        ("MARC LE FUR", "Marc Le Fur"),
        ("MARINE LE PEN", "Marine Le Pen"),
        ("VALÉRY GISCARD D'ESTAING", "Valéry Giscard d'Estaing"),
        ("MINISTRE DE LA CULTURE", "Ministre de la Culture"),
        ("PRIME MINISTER", "Prime Minister"),
        ("Olivier de La Verpillière", "Olivier de La Verpillière"),  # mixed case: as printed
    ],
)
def test_labels_in_capitals_are_title_cased(label, name):
    assert names.from_label(label) == name


@pytest.mark.parametrize(
    ("full", "parts"),
    [
        ("Marina Ferrari", {"family": "Ferrari", "given": "Marina"}),
        ("Marc Le Fur", {"family": "Le Fur", "given": "Marc"}),
        ("Jean-Marie Le Pen", {"family": "Le Pen", "given": "Jean-Marie"}),
        (
            "Olivier de La Verpillière",
            {"family": "La Verpillière", "given": "Olivier", "non-dropping-particle": "de"},
        ),
        (
            "Vincent van Gogh",
            {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
        ),
        (
            "Mark van der Berg",
            {"family": "Berg", "given": "Mark", "non-dropping-particle": "van der"},
        ),
        ("Valéry Giscard d'Estaing", {"family": "d'Estaing", "given": "Valéry Giscard"}),
        ("Jean-Luc Mélenchon", {"family": "Mélenchon", "given": "Jean-Luc"}),
        (
            "Dr. Martin Luther King Jr.",
            {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
        ),
        ("Ferrari, Marina", {"family": "Ferrari", "given": "Marina"}),
        ("Sir Keir Starmer", {"family": "Starmer", "given": "Keir"}),
        ("Ferrari", {"literal": "Ferrari"}),
    ],
)
def test_csl_name_parts(full, parts):
    assert names.csl(full) == parts


def test_display_and_sort_key_keep_the_particle():
    name = names.csl("Olivier de La Verpillière")
    assert names.display(name) == "Olivier de La Verpillière"
    assert names.sort_key(name) == ("de La Verpillière", "Olivier")
    assert names.display(names.csl("Dr. Martin Luther King Jr.")) == "Martin Luther King, Jr."


def test_plain_names_do_not_import_nameparser():
    code = (
        "import sys; from quotecli.text import names; "
        "names.csl('Olivier de La Verpillière'); names.csl('Marc Le Fur'); "
        "a = 'nameparser' in sys.modules; names.csl('Dr. Martin Luther King Jr.'); "
        "print(a, 'nameparser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert out.stdout.strip() == "False True", out.stderr


@pytest.mark.parametrize(
    ("field", "people"),
    [
        ("Ann Lee; Bo Park", ["Ann Lee", "Bo Park"]),
        ("Ann Lee and Bo Park", ["Ann Lee", "Bo Park"]),
        ("Ann Lee & Bo Park", ["Ann Lee", "Bo Park"]),
        ("Ann Lee, Bo Park and Cy Diaz", ["Ann Lee", "Bo Park", "Cy Diaz"]),
        ("Ferrari, Marina", ["Marina Ferrari"]),  # family name first: one person
        ("Doe, Jane; Roe, John", ["Jane Doe", "John Roe"]),
        ("Martin Luther King, Jr.", ["Martin Luther King, Jr."]),  # a suffix, not a person
        ("RuPaul", ["RuPaul"]),
    ],
)
def test_a_field_listing_several_people_is_read_as_several(field, people):
    assert names.several(field) == people
