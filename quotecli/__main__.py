"""Run the command line: ``python -m quotecli``."""

from quotecli.main import main

raise SystemExit(main())
