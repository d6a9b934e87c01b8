"""Keep the web UI's message catalogue (Babel): update | compile | check.

    python scripts/i18n.py update    # extract the messages of the templates and web modules into locale/fr/.../messages.po
    python scripts/i18n.py compile   # compile messages.mo (shipped in the package)
    python scripts/i18n.py check     # exit 1 if a message is missing, untranslated, or the .mo is stale
"""

from __future__ import annotations

import sys


def main() -> None:
    from newsgraph.web import catalogue

    what = sys.argv[1] if len(sys.argv) > 1 else "check"
    if what == "update":
        missing = catalogue.update()
        print("\n".join(missing) or "every message is translated")
    elif what == "compile":
        catalogue.compile_catalogues()
        print("compiled")
    elif what == "check":
        problems = catalogue.check()
        print("\n".join(problems) or "catalogue complete and compiled")
        sys.exit(1 if problems else 0)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
