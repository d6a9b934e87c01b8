"""The web UI's message catalogue, kept with Babel: extract the messages of the templates and of the
web modules, merge them into ``locale/fr/LC_MESSAGES/messages.po``, compile ``messages.mo``, and
check that the compiled catalogue is current and that every message has a French translation.

    python scripts/i18n.py update    # extract and merge into the .po (then translate what is new)
    python scripts/i18n.py compile   # write the .mo the package ships
    python scripts/i18n.py check     # what tests/test_web.py checks
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from newsgraph.web.i18n import DOMAIN, LOCALE_DIR

WEB = Path(__file__).parent
METHODS = [("templates/**.html", "jinja2"), ("*.py", "python")]
OPTIONS = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
LANGUAGES = ("fr",)


def extract() -> Catalog:
    """Every message of the templates and of the web modules."""
    catalog = Catalog(project="newsgraph", domain=DOMAIN)
    for filename, lineno, message, comments, context in extract_from_dir(str(WEB), METHODS, OPTIONS, KEYWORDS):
        if filename.startswith("catalogue"):
            continue
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(lang: str) -> Catalog:
    with po_path(lang).open("rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


def update() -> list[str]:
    """Merge the extracted messages into each .po; returns the messages still untranslated."""
    template = extract()
    missing = []
    for lang in LANGUAGES:
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = read(lang) if path.exists() else Catalog(locale=lang, domain=DOMAIN, project="newsgraph")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        with path.open("wb") as f:
            write_po(f, catalog, width=120, omit_header=False, sort_output=True)
        missing += [f"{lang}: {m.id!r}" for m in catalog if m.id and not _translated(m)]
    return missing


def compile_catalogues() -> None:
    for lang in LANGUAGES:
        with po_path(lang).with_suffix(".mo").open("wb") as f:
            write_mo(f, read(lang), use_fuzzy=False)


def _translated(message: object) -> bool:
    string = message.string  # type: ignore[attr-defined]
    if isinstance(string, (list, tuple)):
        return all(string)
    return bool(string) and not message.fuzzy  # type: ignore[attr-defined]


def check() -> list[str]:
    """Problems, if any: a message of the code missing from a .po, a message untranslated, a .mo
    that does not hold what its .po holds."""
    problems = []
    wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in extract() if m.id}
    for lang in LANGUAGES:
        catalog = read(lang)
        have = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
        problems += [f"{lang}: not in messages.po (run scripts/i18n.py update): {m!r}" for m in sorted(wanted - have)]
        problems += [f"{lang}: untranslated: {m.id!r}" for m in catalog if m.id and not _translated(m)]
        mo = po_path(lang).with_suffix(".mo")
        if not mo.exists():
            problems.append(f"{lang}: {mo.name} missing (run scripts/i18n.py compile)")
            continue
        with mo.open("rb") as f:
            compiled = read_mo(f)
        expected = {(m.id if isinstance(m.id, str) else tuple(m.id)): m.string for m in catalog if m.id and _translated(m)}
        got = {(m.id if isinstance(m.id, str) else tuple(m.id)): m.string for m in compiled if m.id}
        got = {k: (tuple(v) if isinstance(v, (list, tuple)) else v) for k, v in got.items()}
        expected = {k: (tuple(v) if isinstance(v, (list, tuple)) else v) for k, v in expected.items()}
        if got != expected:
            problems.append(f"{lang}: {mo.name} is not the compiled {po_path(lang).name} (run scripts/i18n.py compile)")
    return problems


def pot() -> str:
    buf = io.BytesIO()
    write_po(buf, extract(), width=120, sort_output=True)
    return buf.getvalue().decode("utf-8")
