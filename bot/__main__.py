"""Allow ``python -m bot`` as an alias of the ``wikidraft`` command."""

from bot.cli import main

raise SystemExit(main())
