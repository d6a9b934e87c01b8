"""One language per page: French by default, English through ``?lang=en`` (remembered in a cookie)
or the browser's ``Accept-Language``. Messages are written in English in the templates and the code
(``_("...")``, ``N_("...")``) and translated from one catalogue, ``locale/fr/LC_MESSAGES/messages.po``,
compiled to ``messages.mo`` beside it (``python scripts/i18n.py``; a test checks that the compiled
catalogue is current and complete). Country names come from CLDR through Babel, in the page's
language; other actors keep the names the articles gave them."""

from __future__ import annotations

import gettext as gettext_module
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any

from starlette.requests import Request

LANGUAGES = ("fr", "en")
DEFAULT = "fr"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
CURRENT: ContextVar[str] = ContextVar("newsgraph_lang", default=DEFAULT)


def N_(message: str) -> str:
    """Marks a message for the catalogue; translated where it is shown."""
    return message


QUAD_LABELS = {1: N_("Verbal cooperation"), 2: N_("Material cooperation"), 3: N_("Verbal conflict"), 4: N_("Material conflict"),
               0: N_("Unclassified")}
STATUS_LABELS = {"asserted": N_("asserted"), "planned": N_("planned"), "hypothetical": N_("hypothetical"), "negated": N_("negated"),
                 "historical": N_("historical")}
SECTOR_LABELS = {"GOV": N_("government"), "MIL": N_("military"), "REB": N_("rebels"), "OPP": N_("opposition"), "CVL": N_("civilians"),
                 "BUS": N_("business"), "MED": N_("media"), "SPY": N_("intelligence"), "COP": N_("police"), "JUD": N_("judiciary"),
                 "LEG": N_("legislature"), "PTY": N_("party"), "EDU": N_("education"), "REL": N_("religion"), "HLH": N_("health"),
                 "LAB": N_("labour"), "AGR": N_("agriculture"), "ENV": N_("environment"), "ELI": N_("elites"), "CRM": N_("criminals"),
                 "IGO": N_("intergovernmental"), "NGO": N_("NGO"), "REF": N_("refugees"), "INS": N_("insurgents"), "UAF": N_("armed group"),
                 "SEP": N_("separatists"), "MOD": N_("moderates"), "RAD": N_("radicals")}
TYPE_LABELS = {"AGREE": N_("agree"), "CONSULT": N_("consult"), "SUPPORT": N_("support"), "CONCEDE": N_("concede"),
               "COOPERATE": N_("cooperate"), "AID": N_("aid"), "RETREAT": N_("retreat"), "REQUEST": N_("request"),
               "ACCUSE": N_("accuse"), "REJECT": N_("reject"), "THREATEN": N_("threaten"), "PROTEST": N_("protest"),
               "SANCTION": N_("sanction"), "MOBILIZE": N_("mobilize"), "COERCE": N_("coerce"), "ASSAULT": N_("assault")}
KIND_LABELS = {"country": N_("country"), "person": N_("person"), "organization": N_("organisation"), "group": N_("group")}
GRAIN_LABELS = {"day": N_("day"), "week": N_("week"), "month": N_("month"), "year": N_("year")}


@lru_cache(maxsize=None)
def translations(lang: str) -> gettext_module.NullTranslations:
    if lang == "en":
        return gettext_module.NullTranslations()
    return gettext_module.translation(DOMAIN, str(LOCALE_DIR), languages=[lang])


def gettext(message: str) -> str:
    return translations(CURRENT.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(CURRENT.get()).ngettext(singular, plural, n)


_ = gettext


def negotiate(query: str | None, cookie: str | None, accept_language: str | None) -> str:
    """The page's language: ?lang=, else the cookie it left, else the first supported language of
    Accept-Language by quality, else French."""
    for value in (query, cookie):
        if value in LANGUAGES:
            return value
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept_language or "").split(",")):
        tag, _sep, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES and q > 0:
            ranked.append((-q, i, primary))
    return sorted(ranked)[0][2] if ranked else DEFAULT


def format_number(value: Any, lang: str | None = None) -> str:
    from babel.numbers import format_decimal

    if value is None:
        return ""
    return format_decimal(value, locale=lang or CURRENT.get())


@lru_cache(maxsize=4)
def _territories(lang: str) -> dict[str, str]:
    from babel import Locale

    return dict(Locale.parse(lang).territories)


def country_name(iso3: str, lang: str | None = None) -> str | None:
    from newsgraph.store.aggregates import country_codes

    iso2 = country_codes().get(iso3)
    return _territories(lang or CURRENT.get()).get(iso2) if iso2 else None


def code_label(code: str | None, names: dict[str, str] | None = None, lang: str | None = None) -> str:
    """A reader's label for a CAMEO actor code: Russia, Russia · government, or the stored name of a
    code of no country (IGOUNO)."""
    if not code:
        return "?"
    country = country_name(code[:3], lang)
    if country:
        rest = code[3:]
        if not rest:
            return country
        sector = SECTOR_LABELS.get(rest[:3])
        suffix = translations(lang or CURRENT.get()).gettext(sector) if sector else rest[:3]
        return f"{country} · {suffix}" + (f" {rest[3:]}" if rest[3:] else "")
    return (names or {}).get(code) or code


def js_messages() -> dict[str, str]:
    """The messages the page's scripts show, in the page's language."""
    out = {"events": _("Events"), "period": _("Period"), "goldstein": _("Mean Goldstein score"), "goldstein_short": _("Goldstein"),
           "download_csv": _("Download CSV"), "loading": _("Loading…"), "no_events": _("No events."), "error": _("Could not load the data."),
           "source": _("sentence"), "nodes": _("actors"), "edges": _("links"), "ego": _("Network around"), "show_all": _("Whole network"),
           "edge_events": _("Events of this link"), "dyad_chart": _("Dyad chart"), "actor_page": _("Actor page"),
           "more": _("More"), "close": _("Close"), "selected": _("Selected period"), "clear": _("Clear selection"),
           "brush_hint": _("Drag across the chart to select a period; the list below follows."),
           "events_at": _("Events at"), "conflict_share": _("share of conflict"), "all_events": _("All events of this selection"),
           "cooperation": _("cooperation"), "conflict": _("conflict"),
           "undated": _("Not drawn, without a date at this grain (known only to the month, or undated): %(num)s."),
           "truncated": _("Only the strongest links are drawn; raise the minimum or narrow the filters.")}
    out.update({f"quad{k}": _(v) for k, v in QUAD_LABELS.items()})
    out.update({f"status_{k}": _(v) for k, v in STATUS_LABELS.items()})
    out.update({f"grain_{k}": _(v) for k, v in GRAIN_LABELS.items()})
    return out


async def request_language(request: Request) -> str:
    """A route dependency: the request's language, set for everything that renders or labels it
    (async, so that it is set in the request's own context, which sync routes then inherit)."""
    lang = negotiate(request.query_params.get("lang"), request.cookies.get("lang"), request.headers.get("accept-language"))
    CURRENT.set(lang)
    return lang
