"""``quote check``: the article side. ``quotations`` finds the quotations of an article draft
and who they are attributed to; ``verify`` judges each one against the transcripts.
"""
