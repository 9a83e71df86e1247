"""Text printer for ``quote check``: one block per quotation of the draft, then a summary.

Layout::

    line 15  drift  «␯L'État français a pris ses positions sur l'AI Act␯»
      attributed to Marina Ferrari · said by Marina Ferrari (interviewee)
      the words differ from the source (accent or spelling)
      diff: L'[-Etat-]{+État+} français a pris ses positions sur l'AI Act
      fix:  «␯L'Etat français a pris ses positions sur l'AI Act␯»
      cite: Marina Ferrari, interview by Sylvain Rolland, La Tribune, February 2024, para. 3. · …

The diff follows ``git diff --word-diff``: ``[-source-]`` are the source's words the draft
lacks, ``{+draft+}`` the draft's words the source lacks. Every non-verbatim verdict ends with
the source's own words and their citation, ready to paste. Draft and transcript text go through
``safe`` before a terminal sees them.
"""

from __future__ import annotations

from collections import Counter

from quotecli.render import quoted, safe
from quotecli.render.text import Style
from quotecli.results import VERDICTS, DiffOp, Passage, Verdict

_LABEL = {v: v.replace("_", " ") for v in VERDICTS}


class Printer:
    """Renders verdicts as text; colour only when the caller says so."""

    def __init__(self, color: bool = False, language: str = "fr"):
        self.style = Style(color)
        self.language = language
        self.count = 0

    def render(self, v: Verdict) -> str:
        """The block for one quotation (no trailing newline)."""
        st = self.style
        q = v.quotation
        mark = st.bold if v.ok else st.warn
        language = v.passage.source.language if v.passage else self.language
        head = f"line {q.line}  {mark(_LABEL[v.verdict])}  {quoted(safe(q.text), language)}"
        out = [head if self.count == 0 else "\n" + head]
        self.count += 1
        who = f"attributed to {safe(q.attribution)}" if q.attribution else "no attribution found"
        if v.passage is not None:
            sp = v.passage.speaker
            who += f" · said by {safe(sp.name)} ({sp.role})"
        out.append("  " + who)
        if not v.ok:
            out.append("  " + st.warn(safe(v.reason)))
        else:
            out.append(st.dim("  " + safe(v.reason)))
        for omitted in v.cuts:
            if omitted:
                out.append(st.dim(f"  cut: {safe(omitted)}"))
        if v.diff:
            out.append("  diff: " + self.diff(v.diff))
        if v.verdict == "ambiguous":
            for k, alt in enumerate(v.alternatives, 1):
                out.append(f"  [{k}] {quoted(safe(alt.text), alt.source.language)}")
                out.append(f"      said by {safe(alt.speaker.name)} ({alt.speaker.role})")
                out.append("      cite: " + self.cite(alt))
        elif v.closest is not None:
            c = v.closest
            out.append(f"  closest passage, not a quotation — {safe(c.reason)}:")
            out.append("    " + quoted(safe(c.text), c.source.language))
            out.append(f"    said by {safe(c.speaker.name)} ({c.speaker.role})")
            if c.diff:
                out.append("  diff: " + self.diff(c.diff))
        elif not v.ok and v.passage is not None:
            out.append("  fix:  " + quoted(safe(v.passage.text), v.passage.source.language))
            out.append("  cite: " + self.cite(v.passage))
        return "\n".join(out)

    def diff(self, ops: tuple[DiffOp, ...]) -> str:
        st = self.style
        parts = []
        for d in ops:
            if d.op == "same":
                parts.append(safe(d.draft or ""))
            elif d.op == "cut":
                parts.append(st.dim("[…]"))
            else:
                gone = self._ansi("31", f"[-{safe(d.source)}-]") if d.source else ""
                new = self._ansi("32", f"{{+{safe(d.draft)}+}}") if d.draft else ""
                parts.append(gone + new)
        return " ".join(parts)

    def _ansi(self, code: str, text: str) -> str:
        # red for the source's words, green for the draft's, as word-diff tools do
        return f"\x1b[{code}m{text}\x1b[0m" if self.style.color else text

    def cite(self, p: Passage) -> str:
        where = f"characters {p.start}–{p.end} of {safe(p.source.id)}"
        return safe(p.citation.text) + self.style.dim(f" · {where}")

    def summary(self, verdicts: list[Verdict]) -> str:
        """One line counting the verdicts."""
        counts = Counter(v.verdict for v in verdicts)
        parts = [f"{counts[k]} {_LABEL[k]}" for k in VERDICTS if counts[k]]
        n = len(verdicts)
        line = f"{n} quotation{'s' if n != 1 else ''}: " + (", ".join(parts) or "none")
        return ("\n" if verdicts else "") + line
