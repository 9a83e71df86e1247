"""People's names: the one place that turns a printed label into a name, a name into CSL name
parts, and CSL name parts back into running text.

Labels printed in capitals ("PRIME MINISTER", "MARINA FERRARI") are title-cased word by word,
hyphenated parts too, small words of particles kept low ("Ministre de la Culture"). A label
in mixed case is kept as printed: it is already how the person is named.
"""

from __future__ import annotations

_SMALL = frozenset({"of", "for", "the", "and", "de", "du", "des", "la", "le"})


def from_label(label: str) -> str:
    """ "PRIME MINISTER" → "Prime Minister"; a label in mixed case is kept as it is."""
    label = " ".join(label.split())
    if any(c.islower() for c in label):
        return label
    words = []
    for i, w in enumerate(label.split()):
        low = w.lower()
        if i and low in _SMALL:
            words.append(low)
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(words)


def csl(full: str) -> dict:
    """ "Marina Ferrari" → {"family": "Ferrari", "given": "Marina"}; one word → literal."""
    parts = full.split()
    if len(parts) < 2:
        return {"literal": full}
    return {"family": parts[-1], "given": " ".join(parts[:-1])}


def display(name: dict) -> str:
    """A CSL name as it is written in running text: "Marina Ferrari"."""
    if "literal" in name:
        return str(name["literal"])
    parts = [
        name.get("given"),
        name.get("dropping-particle"),
        name.get("non-dropping-particle"),
        name.get("family"),
    ]
    text = " ".join(str(part) for part in parts if part)
    return f"{text}, {name['suffix']}" if name.get("suffix") else text


def sort_key(name: dict) -> tuple[str, str]:
    """(family, given) with particles attached to the family name, for record formats."""
    if "literal" in name:
        return str(name["literal"]), ""
    family = " ".join(str(p) for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    given = " ".join(str(p) for p in (name.get("given"), name.get("dropping-particle")) if p)
    return family, given
