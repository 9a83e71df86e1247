"""The command line: options parsed into settled configurations, one core call, one printer.

``app`` builds the typer application; each command module (``find``, ``check``, ``import_``,
``sources``, ``library``) settles its options into a frozen config and wires the pipeline. This
package file stays light: ``quotecli.main`` reads ``COMMANDS`` on every run without importing typer.
"""

COMMANDS = ("find", "check", "import", "sources", "show", "remove", "library", "completion")
