"""quote: find the exact words of an interview, who said them, and a citation to paste.

The package is a pipeline, one module per stage: ``transcript`` (the data model and the
project's file format) → ``readers`` (raw forms into transcripts) → ``folding`` (text folded
with an offset map) → ``sentences`` → ``matching`` → ``attribution`` → ``search`` (the one core
entry point) → ``render`` (printers) → ``deliver`` (stdout, clipboard). ``cli`` only wires them.
"""

__version__ = "0.1.0"
