"""Who speaks and what is the outlet's, for the conventions the blind set files28 brought
(issue 12): the outlet asking under its initials with the interviewer given, and a blog's
"Latest Articles" after the interview. Each failed before the change.
"""

from __future__ import annotations

from quotecli import readers


def turns(text: str, name: str, **options) -> list[tuple[str, str, str]]:
    options.setdefault("outlet", "Test Outlet")
    options.setdefault("language", "en")
    s = readers.convert(text.encode("utf-8"), name, options=options, roles={}).source
    return [
        (t.speaker.name, t.speaker.role, " ".join(s.text[t.start : t.end].split())) for t in s.turns
    ]


# jenniferlynparsons/lunastationquarterly, …/issue-042-author-interview-emily-swaim-….md
LSQ = """LSQ: Wow, I started this story feeling like I knew who the witch was. How did it start?

Emily: It started with a dream I had about a fool who followed a witch into the woods.

LSQ: If you had to lose one of your senses, which one would you give up?

Emily: Smell, I think. I would miss coffee, but I could live without it.
"""


def test_the_outlet_asking_under_its_initials_is_the_interviewer_given():
    """ "LSQ:" is Luna Station Quarterly asking; with --interviewer "Cat Luria" it is her."""
    got = turns(LSQ, "t.md", outlet="Luna Station Quarterly", interviewer="Cat Luria",
                interviewee="Emily Swaim")  # fmt: skip
    assert {(who, role) for who, role, _ in got} == {
        ("Cat Luria", "interviewer"),
        ("Emily Swaim", "interviewee"),
    }


# lhorie/mithril-blog, interview-with-james-long.html: the sidebar's latest articles
MITHRIL = """<html><body><article><h1>Interview with James Long</h1>
<p>I talk to James about his work.</p>
<p><strong>How did you find Mithril?</strong></p>
<p>I saw it on Hacker News and liked how small it was.</p>
<p><strong>What would you change?</strong></p>
<p>Not much, to be honest; maybe the docs.</p>
</article>
<div><h4>Latest Articles</h4><ul>
<li><a href="thoughts-on-performance.html">Thoughts on performance</a></li>
<li><a href="drag-n-drop-file-uploads.html">Drag-n-drop file uploads</a></li>
</ul></div></body></html>
"""


def test_a_blogs_latest_articles_are_the_outlets():
    got = turns(MITHRIL, "t.html", interviewee="James Long", interviewer="Leo Horie")
    sidebar = [role for _, role, words in got if "Drag-n-drop file uploads" in words]
    assert sidebar and set(sidebar) == {"editor"}
    assert ("James Long", "interviewee", "Not much, to be honest; maybe the docs.") in got
