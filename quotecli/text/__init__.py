"""Text rules, each written once: folding with an offset map, sentences, function words,
dates, language tags, names, slugs and ids, decoding bytes, escaping for terminals.

Nothing here knows about transcripts, libraries or the command line.
"""
