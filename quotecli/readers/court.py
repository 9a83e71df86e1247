"""A court transcript's own marks, for ``turns``: the swearing-in block and an argument's
headings (the record's, never a turn), and who examines and who is the witness, as the block
says ("BY MS. MURRAY:", "GARY FARRO, called as a witness"), so "Q." and "A." are those two.
This module only recognises them; ``turns`` decides the turns.
"""

from __future__ import annotations

import re

# A court transcript's swearing-in block: who the witness is, who examines ("BY MS. MURRAY:")
BLOCK = re.compile(
    r"^(?:(?:[Ww]as )?called as a witness|(?:of lawful age, )?having been (?:first )?duly sworn"
    r"|Thereupon:$"
    r"|(?:(?:CONTINUED|RESUMED) )?(?:DIRECT|CROSS"
    r"|REDIRECT|RECROSS)[- ]EXAMINATION|BY (?:MR|MS|MRS|MISS)\.? [A-Z][\w'’. -]*:$"
    # an argument's heading: "ORAL ARGUMENT OF ROBERT A. LONG", "REBUTTAL ARGUMENT OF …",
    # "FOR COURT-APPOINTED AMICUS CURIAE", "ON BEHALF OF THE PETITIONERS"
    r"|(?:(?:ORAL|REBUTTAL) ARGUMENT OF|(?:FOR|(?:ON )?BEHALF OF) (?:THE )?[A-Z-]+)"
    r"(?: [A-Z.,'-]+)*$"
    r"|(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,}(?:\s.{0,30})?$)"  # page header "O5S1GUO1"
)
# the oath's sentence, to its colon: "of lawful age, having been first duly sworn …", "Was
# called as a witness and, having been first ⏎ duly sworn …, testified as follows:"
OATH = re.compile(
    r"^(?:(?:of lawful age,|(?:[Ww]as )?called as a witness and,?) having been\b"
    r"|having been (?:first )?duly sworn)"
)
EXAMINER = re.compile(
    r"^(?:(?:(?:CONTINUED|RESUMED) )?(?:DIRECT|CROSS|REDIRECT|RECROSS)[- ]EXAMINATION )?"
    r"BY ((?:MR|MS|MRS|MISS)\.? [A-Z][\w'’. -]*):$",
    re.M,
)
WITNESS = re.compile(
    r"^[ \t]*([A-Z][A-Z'’. -]+),?[ \t]*\n"
    r"(?:[Ww]as )?(?:called as a witness|of lawful age, having been)"
    # "The witness, Gary Farro, having been previously sworn, …" (a reporter's note)
    r"|\b[Tt]he witness,? ([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}),? having been"
    r" (?:previously |duly )?sworn",
    re.M,
)


# an argument's heading run on after the chief's last words on the line ("Rebuttal, Ms.
# Blatt? REBUTTAL ARGUMENT OF LISA S. BLATT ON", Oyez's transcripts printed to PDF)
_HEADING_AFTER = re.compile(r"(?<=[.?!])[ \t]+(?=(?:ORAL|REBUTTAL) ARGUMENT OF [A-Z])")


def headings_apart(lines: list[str]) -> list[str]:
    """Lines with an argument's heading run on after a sentence cut before the heading."""
    if not any("ARGUMENT OF" in line for line in lines):
        return lines
    return [part for line in lines for part in _HEADING_AFTER.split(line)]
