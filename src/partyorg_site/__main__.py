"""`python -m partyorg_site` is the `partyorg-site` command."""
from partyorg_site.cli import main

raise SystemExit(main())
