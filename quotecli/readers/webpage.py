"""Web pages (``.html``/``.htm`` that are not the Congressional Record): text by an HTML parser.

Owns turning a page's markup into the plain, Markdown-like text the Q&A and turn readers
read; it never decides who speaks. The stdlib ``html.parser`` reads the markup (no regular
expression touches a tag): scripts, styles, navigation, forms and the like are left out;
the ``<title>`` becomes a ``Title: …`` line (read as the page's title);
every block (paragraph, heading, list item, ``<div>``, a ``<br><br>`` break) becomes a
paragraph of its own; a heading keeps its level as ``#`` marks and bold text keeps ``**`` so
that a speaker label set in bold (``<strong>Name :</strong>``) or a question in bold is still
one to the reader. A journalist's label in a ``<span>`` ("LP :") is kept as the text it is.
Entities are decoded; no markup reaches a quotation.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from quotecli.readers.furniture import furniture

SKIP = frozenset("script style nav noscript template form button svg iframe select".split())
BLOCKS = frozenset(
    """p div section article main aside header footer blockquote li ul ol dl dt dd tr table
    figure figcaption h1 h2 h3 h4 h5 h6 pre address""".split()
)
BOLD = frozenset(("strong", "b"))
# inline elements: the rest of the page's elements, a site's own ones included ("<bubble>",
# "<author>", "<x-turn>"), hold blocks
INLINE = frozenset(
    """a abbr acronym b bdi bdo big cite code data del dfn em font i ins kbd label mark q rp rt
    ruby s samp small span strike strong sub sup time tt u var wbr br img""".split()
)
# an element that names who speaks ("<author>Ms. Sawyer</author>", "<dt>", "<span
# class="speaker">"): its words become a label line ("**Ms. Sawyer:**") for the turn reader
_WHO_TAGS = frozenset(("author", "speaker", "dt"))
_WHO_CLASS = re.compile(
    r"(?:^|[-_ ])(?:speaker|author|interlocutor|participant|who)(?:$|[-_ ])", re.I
)
_VOID = frozenset("br hr img meta link input area base col embed source track wbr".split())


def sniff(head: str) -> bool:
    """Whether the text is an HTML page or fragment (tags of blocks, not a stray ``<b>``)."""
    start = head.lstrip("\ufeff \t\n")[:20000].lower()
    if start.startswith(("<!doctype html", "<html")):
        return True
    blocks = len(re.findall(r"<(?:p|div|h[1-6]|article)\b", start))
    return start.startswith("<") and blocks >= 2


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.line: list[str] = []
        self.skip = 0
        self.heading = 0
        self.breaks = 0
        self.title: list[str] | None = None  # inside <title>
        self.who: list[str] = []  # the label elements open, innermost last
        self.pre = 0  # inside <pre>
        # the elements open, and where each left-out one opened: an element a page never
        # closes ("<nav>" with no "</nav>", as some records' pages have) ends with its parent
        self.open: list[str] = []
        self.skipped: list[int] = []
        # the page's furniture ("<div class="teaser">", a related-article box): kept, fenced
        # as Pandoc fences a div (":::"), which the turn reader gives the outlet
        self.fences: list[int] = []

    def flush(self, carry: bool = False) -> None:
        lines = ("".join(self.line)).split("\n")
        words = "\n".join(x for line in lines if (x := " ".join(line.split())))
        words = re.sub(r"\*\*[ \t]*\*\*", "", words).strip()
        if words == "**" and carry:  # a bold just opened, a site's element inside it
            self.line = [" **"]  # ("<b><intervenant>…</intervenant>Mme Marois: </b>")
            return
        if words:
            self.blocks.append("#" * self.heading + " " + words if self.heading else words)
        self.line = []

    def label(self) -> None:
        """The words of a label element as a label line; long ones are text, kept as it is."""
        words = " ".join("".join(self.line).replace("*", "").split()).rstrip(" :")
        n = len(words.split())
        # a few words, no sentence's end ("Ms. SAWYER"), or one or two ending on "." ("Mr.")
        if words and (
            n <= 6 and not words.endswith((".", "?", "!")) or n <= 2 and words[-1] == "."
        ):
            self.line = []
            self.blocks.append(f"**{words}:**")
        else:
            self.flush()

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag not in _VOID:
            self.open.append(tag)
        if tag == "title":  # in <head>, which is otherwise left out
            self.title = []
        elif tag == "form" and self.open[:-1] in (["html", "body"], ["body"], []):
            pass  # a form that wraps the whole page (ASP.NET's "aspnetForm"): the page itself
        elif tag in SKIP or tag == "head" or tag not in _VOID and _hidden(attrs):
            self.skipped.append(len(self.open))
            self.skip = len(self.skipped)
        elif self.skip:
            return
        elif tag == "pre":
            self.flush()
            self.pre += 1
        elif tag == "br":
            self.breaks += 1
            if self.breaks >= 2:
                self.flush()
            else:
                self.line.append("\n")
        elif _names_who(tag, attrs):
            self.flush()
            self.who.append(tag)
        elif tag in _BOXES and not self.fences and (names := _furniture(tag, attrs)):
            self.flush()
            self.blocks.append(f"::: {{{names}}}")  # as Pandoc writes it: "::: {.teaser}"
            self.fences.append(len(self.open))
        elif tag in BLOCKS or tag not in INLINE:
            self.flush(carry=tag not in BLOCKS)
            if tag[0] == "h" and tag[1:].isdigit():
                self.heading = int(tag[1:])
            elif tag == "li":
                self.line.append("- ")
        elif tag in BOLD:
            self.line.append(" **")
        if tag != "br":
            self.breaks = 0

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:  # what it closes, and what was left open inside it
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]
            if self.fences and len(self.open) < self.fences[-1]:
                self.flush()
                self.heading = 0
                self.blocks.append(":::")
                self.fences.pop()
                return
            while self.skipped and self.skipped[-1] > len(self.open):
                self.skipped.pop()
            if (tag in SKIP or tag == "head") and self.skip != len(self.skipped):
                self.skip = len(self.skipped)
                return
        if tag == "title" and self.title is not None:
            words = " ".join("".join(self.title).split())
            if words:
                self.blocks.append(f"Title: {words}")  # the page's title, as a saved page has it
            self.title = None
        elif tag in SKIP or tag == "head":
            return  # a stray end tag: its element was never open
        elif self.skip:
            self.skip = len(self.skipped)  # an unclosed left-out element ends with its parent
            if self.skip:
                return
        elif tag == "pre":
            self.flush()
            self.pre = max(0, self.pre - 1)
        elif self.who and tag == self.who[-1]:
            self.who.pop()
            self.label()
        elif tag in BLOCKS or tag not in INLINE:
            self.flush(carry=tag not in BLOCKS)
            self.heading = 0
        elif tag in BOLD:
            self.line.append("** ")

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.title is not None:
            self.title.append(data)
        elif not self.skip:
            if data.strip():
                self.breaks = 0
            # a newline in the markup is a space (the source's wrapping, "<strong\n>…en\n
            # somme ?</strong>"); only <br> breaks a line, and <pre> keeps its own
            self.line.append(data if self.pre else data.replace("\n", " "))


_BOXES = frozenset(("div", "aside", "section", "figure", "figcaption"))


def _furniture(tag: str, attrs) -> str:
    """The class and id of an element of the page's furniture (".teaser"; a figure and its
    caption, "<figcaption>", whatever their class), or ""."""
    got = dict(attrs)
    names = " ".join(f".{x}" for x in (got.get("class") or "").split())
    if tag in ("figure", "figcaption"):
        return f".{tag} {names}".strip()
    # an id is a furniture's name when it is only that ("comments"), not a heading's slug
    # ("m-why-was-the-party-leadership-reluctant-to-invest-in-social-media")
    ident = (got.get("id") or "").strip()
    if ident and furniture(ident) and re.fullmatch(r"[A-Za-z]+", ident):
        names = f"#{ident} {names}".strip()
    return names if furniture(names) else ""


def _hidden(attrs) -> bool:
    """An element the page never shows ("<div style="display:none">", ``hidden``): a script's
    template ("Zurück zu den Suchergebnissen"), nobody's words on the page."""
    got = dict(attrs)
    style = (got.get("style") or "").replace(" ", "").lower()
    return "hidden" in got or "display:none" in style


def _names_who(tag: str, attrs) -> bool:
    if tag in _WHO_TAGS:
        return True
    classes = dict(attrs).get("class") or ""
    return tag not in ("p", "section", "article", "body") and bool(_WHO_CLASS.search(classes))


def text(page: str) -> str:
    """The page's text: one paragraph per block, separated by blank lines."""
    parser = _Text()
    parser.feed(page)
    parser.close()
    parser.flush()
    return "\n\n".join(_bold(b) for b in parser.blocks) + "\n"


_RUN = re.compile(r"\*\*\s*(.*?)\s*\*\*", re.S)


def _bold(block: str) -> str:
    """Bold kept where it means something to a reader: a label or a question opening the
    block ("**Elias Benguezzou :**"), or a whole block in bold; elsewhere it is emphasis."""
    runs = list(_RUN.finditer(block))
    if len(runs) == 1 and runs[0].span() == (0, len(block)):
        return f"**{runs[0].group(1)}**"
    out, at = [], 0
    for m in runs:
        words = m.group(1)
        # a label or a question opening the block, or a whole first line in bold before the
        # answer's ("<strong>Quelles sont tes conditions ? Niveau horaires…</strong><br>")
        keep = m.start() == 0 and (
            words.rstrip().endswith((":", "?")) or block[m.end() : m.end() + 1] == "\n"
        )
        out += [block[at : m.start()], f"**{words}**" if keep else words]
        at = m.end()
        if re.match(r" [.,:;!?)]", block[at : at + 2]):
            at += 1  # the space is the parser's, after "</strong>": "The CHAIRMAN."
    out.append(block[at:])
    return " ".join("".join(out).split(" ")).strip()


# with its attributes too ("<strong class="jay">Jay:</strong>": a label coloured per speaker)
_OPENS_BOLD = re.compile(r"^[ \t]*<(?:strong|b)\b[^>]*>", re.M | re.I)
_INLINE = re.compile(r"</?(strong|b|em|i)\b[^>]*>", re.I)
_HEADING = re.compile(r"<h([1-6])\b[^>]*>([^<]{1,120})</h\1>", re.I)
_SPLIT_LABEL = re.compile(r"\*\*([^*\n]{1,40}?:)\*\*[ \t]*\*\*")  # "**Publico:** **Das…**"


def inline_tags(page: str) -> str | None:
    """A Markdown page that sets its questions or labels in HTML bold, opening lines
    ("<strong>Publico: Herr Zahradil, …?</strong>"), three times or more: the page with that
    bold and emphasis written as Markdown's (``**``, ``_``), a label and its question split
    over two bold runs joined; None for any other page (most Markdown has no such lines)."""
    if len(_OPENS_BOLD.findall(page)) < 3:
        return None
    marked = _INLINE.sub(lambda m: "**" if m.group(1).lower() in ("strong", "b") else "_", page)
    # a heading in HTML ("<h5 class="comments-h"> 8 Kommentare </h5>"): a Markdown heading, a
    # paragraph of its own, so that the back matter it opens is seen as such
    marked = _HEADING.sub(
        lambda m: f"\n\n{'#' * int(m.group(1))} {' '.join(m.group(2).split())}\n\n", marked
    )
    return _SPLIT_LABEL.sub(r"**\1 ", marked)


def html_body(page: str) -> str | None:
    """A Markdown page whose transcript is raw HTML (a Jekyll post's ``<p><strong>Nic</strong>:
    …</p>``: five paragraphs or more in ``<p>`` tags, holding most of the text), with its front
    matter as it is and its body as text (``text``); None for any other page."""
    if page.count("<p") < 5:
        return None  # most Markdown: no HTML paragraphs at all
    from quotecli.readers import frontmatter

    _, body = frontmatter.split(page)
    paragraphs = re.findall(r"<p\b[^>]*>(.*?)</p>", body, re.S | re.I)
    if len(paragraphs) < 5 or sum(map(len, paragraphs)) < 0.5 * len(body.strip()):
        return None
    return page[: len(page) - len(body)] + "\n" + text(body)
