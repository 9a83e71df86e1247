"""Run the command line: ``python -m quotecli``."""

from quotecli.cli import main

raise SystemExit(main())
