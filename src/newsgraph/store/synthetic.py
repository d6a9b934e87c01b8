"""A synthetic store for load tests: many coded documents written straight into the store's tables
(no NLP), reproducible from a seed, so that the web UI and the API can be measured on 100,000 events
in seconds.

    python scripts/synthetic_store.py /tmp/synthetic.db --events 100000

Each document holds about fifty events between thirty countries and their sectors (RUS, RUSGOV,
RUSMIL ...), dated over 2014-2025 (a fifth dated only by their article), located in the capital of
one side (three in five), with a sentence of its own; one event in ten is reported by a second
article, so that merged events and their mentions differ. Documents carry a contract JSON that
the article reader can show. Names are written as names; one pronoun per document is stored as
such, so that pages which must leave pronouns out can be checked.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text

from newsgraph.store import schema as t
from newsgraph.store.core import STATUS_CLASS, Store

# iso3, Wikidata id, French name, capital, lat, lon
COUNTRIES = [
    ("RUS", "Q159", "Russie", "Moscou", 55.7522, 37.6156), ("UKR", "Q212", "Ukraine", "Kiev", 50.4547, 30.5238),
    ("USA", "Q30", "États-Unis", "Washington", 38.8951, -77.0364), ("CHN", "Q148", "Chine", "Pékin", 39.9075, 116.3972),
    ("PRK", "Q423", "Corée du Nord", "Pyongyang", 39.0339, 125.7543), ("KOR", "Q884", "Corée du Sud", "Séoul", 37.566, 126.9784),
    ("FRA", "Q142", "France", "Paris", 48.8534, 2.3488), ("DEU", "Q183", "Allemagne", "Berlin", 52.5244, 13.4105),
    ("GBR", "Q145", "Royaume-Uni", "Londres", 51.5085, -0.1257), ("IRN", "Q794", "Iran", "Téhéran", 35.6944, 51.4215),
    ("ISR", "Q801", "Israël", "Jérusalem", 31.769, 35.2163), ("SYR", "Q858", "Syrie", "Damas", 33.5102, 36.2913),
    ("TUR", "Q43", "Turquie", "Ankara", 39.9199, 32.8543), ("IND", "Q668", "Inde", "New Delhi", 28.6358, 77.2245),
    ("PAK", "Q843", "Pakistan", "Islamabad", 33.7215, 73.0433), ("JPN", "Q17", "Japon", "Tokyo", 35.6895, 139.6917),
    ("SAU", "Q851", "Arabie saoudite", "Riyad", 24.6877, 46.7219), ("EGY", "Q79", "Égypte", "Le Caire", 30.0626, 31.2497),
    ("IRQ", "Q796", "Irak", "Bagdad", 33.3406, 44.4009), ("AFG", "Q889", "Afghanistan", "Kaboul", 34.5281, 69.1723),
    ("BRA", "Q155", "Brésil", "Brasilia", -15.7797, -47.9297), ("MEX", "Q96", "Mexique", "Mexico", 19.4285, -99.1277),
    ("ZAF", "Q258", "Afrique du Sud", "Pretoria", -25.7449, 28.1878), ("NGA", "Q1033", "Nigeria", "Abuja", 9.0579, 7.4951),
    ("ETH", "Q115", "Éthiopie", "Addis-Abeba", 9.025, 38.7469), ("POL", "Q36", "Pologne", "Varsovie", 52.2298, 21.0118),
    ("BLR", "Q184", "Biélorussie", "Minsk", 53.9, 27.5667), ("ITA", "Q38", "Italie", "Rome", 41.8919, 12.5113),
    ("ESP", "Q29", "Espagne", "Madrid", 40.4165, -3.7026), ("CAN", "Q16", "Canada", "Ottawa", 45.4112, -75.6981),
]
SECTORS = {"": None, "GOV": "gouvernement", "MIL": "armée", "REB": "rebelles", "OPP": "opposition", "CVL": "civils"}
# PLOVER type, CAMEO, Goldstein, quad class, French verb
TYPES = [("CONSULT", "040", 1.0, 1, "a consulté"), ("AGREE", "057", 8.0, 1, "a signé un accord avec"),
         ("SUPPORT", "051", 3.4, 1, "a soutenu"), ("AID", "070", 7.0, 2, "a aidé"), ("COOPERATE", "061", 6.4, 2, "a coopéré avec"),
         ("ACCUSE", "112", -2.0, 3, "a accusé"), ("REJECT", "120", -4.0, 3, "a rejeté"), ("THREATEN", "130", -4.4, 3, "a menacé"),
         ("PROTEST", "141", -6.5, 3, "a manifesté contre"), ("SANCTION", "163", -8.0, 4, "a sanctionné"),
         ("COERCE", "173", -5.0, 4, "a arrêté des ressortissants de"), ("ASSAULT", "190", -10.0, 4, "a attaqué")]
STATUSES = ["asserted"] * 8 + ["planned", "negated"]
START, DAYS = date(2014, 1, 1), 12 * 365


def _actor(code: str) -> dict[str, Any]:
    iso, sector = code[:3], code[3:]
    row = next(c for c in COUNTRIES if c[0] == iso)
    if not sector:
        return {"canonical": row[1], "name": row[2], "code": code, "kind": "country", "country": iso, "sector": None, "wikidata": row[1]}
    return {"canonical": f"ng:{code.lower()}", "name": f"{SECTORS[sector]} ({row[2]})", "code": code, "kind": "organization",
            "country": iso, "sector": sector, "wikidata": None}


def build(store: Store, n_events: int = 100_000, *, per_document: int = 50, seed: int = 20, duplicates: float = 0.1) -> dict[str, int]:
    """Write ``n_events`` merged events (and a second report for a share of them) into an empty store."""
    rng = random.Random(seed)
    codes = [c[0] + s for c in COUNTRIES for s in SECTORS]
    weights = [(8 if c[:3] in ("RUS", "UKR", "USA", "CHN", "FRA", "ISR", "SYR", "IRN") else 2) * (3 if len(c) == 3 else 1) for c in codes]
    capitals = {c[0]: c[3:6] for c in COUNTRIES}
    actors = {c: _actor(c) for c in codes}
    refs = {c: json.dumps([_ref(a)], ensure_ascii=False) for c, a in actors.items()}
    n_docs = max(1, -(-n_events // per_document))
    plans: list[list[dict[str, Any]]] = [[] for _ in range(n_docs)]
    published = [START + timedelta(days=rng.randrange(DAYS)) for _ in range(n_docs)]
    for i in range(n_events):
        d = i // per_document
        a, r = rng.choices(codes, weights, k=2)
        while r[:3] == a[:3] and rng.random() < 0.8:
            r = rng.choices(codes, weights)[0]
        ev = rng.choice(TYPES)
        dated = rng.random() < 0.8
        day = published[d] - timedelta(days=rng.randrange(4)) if dated else None
        where = rng.choice((a, r))[:3] if rng.random() < 0.6 else None
        e = {"key": f"syn:{i}", "a": a, "r": r, "type": ev, "day": day, "place": where, "status": rng.choice(STATUSES)}
        plans[d].append(e)
        if rng.random() < duplicates:  # the same event in a later article, dated alike
            other = min(n_docs - 1, d + 1 + rng.randrange(5))
            if other != d:
                plans[other].append(dict(e))
    counts = {"documents": 0, "event_mentions": 0, "events": n_events}
    with store.engine.begin() as conn:
        _insert_many(conn, t.actors, list(actors.values()))
        em_id = 0
        for start in range(0, n_docs, 200):
            docs, mentions, places, ems, parts, fts = [], [], [], [], [], []
            for d in range(start, min(start + 200, n_docs)):
                did = f"syn{d:06d}"
                doc_json, rows = _document(did, published[d], plans[d], actors, refs, capitals)
                docs.append(dict(id=did, content_sha256=f"{d:064x}", raw_sha256=f"{d:064x}", title=doc_json["document"]["title"],
                                 published=published[d].isoformat(), language="fr", source="synthetique.example", pipeline="synthetic",
                                 text=doc_json["document"]["text"], data=json.dumps(doc_json, ensure_ascii=False), ingested_at="synthetic"))
                fts.append({"i": did, "t": doc_json["document"]["title"], "x": doc_json["document"]["text"]})
                mentions += [dict(document_id=did, actor_id=a["id"], canonical=a["canonical"], start=m["start"], end=m["end"],
                                  text=m["text"], how=m["how"]) for a in doc_json["actors"] for m in a["mentions"]]
                places += [dict(document_id=did, place_id=p["id"], name=p["name"], country=p["country"], lat=p["lat"], lon=p["lon"],
                                mentions=1) for p in doc_json["places"]]
                for row, who, whom in rows:
                    em_id += 1
                    ems.append(dict(row, id=em_id, document_id=did))
                    parts += [dict(mention_id=em_id, role="actor", code=x["code"], canonical=x["canonical"]) for x in who]
                    parts += [dict(mention_id=em_id, role="recipient", code=x["code"], canonical=x["canonical"]) for x in whom]
            for table, rows_ in ((t.documents, docs), (t.mentions, mentions), (t.places, places), (t.event_mentions, ems),
                                 (t.event_participants, parts)):
                _insert_many(conn, table, rows_)
            if store.dialect == "sqlite":
                conn.execute(text("INSERT INTO documents_fts(id, title, text) VALUES (:i, :t, :x)"), fts)
            counts["documents"] += len(docs)
            counts["event_mentions"] += len(ems)
        if store.dialect == "postgresql":  # event_mentions ids were given: move its sequence past them
            conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('event_mentions', 'id'), (SELECT max(id) FROM event_mentions))")
        conn.exec_driver_sql("ANALYZE")
    return counts


def _document(did: str, published: date, plan: list[dict[str, Any]], actors: dict[str, dict[str, Any]], refs: dict[str, str],
              capitals: dict[str, tuple[str, float, float]]) -> tuple[dict[str, Any], list[tuple[dict[str, Any], list[Any], list[Any]]]]:
    """A document's text, contract JSON and event_mentions rows."""
    title = f"Dépêche synthétique {did} du {published.isoformat()}"
    text_ = title + "\n\n"
    ids: dict[str, str] = {}
    doc_actors: dict[str, dict[str, Any]] = {}
    doc_places: dict[str, dict[str, Any]] = {}
    events, rows = [], []
    for n, e in enumerate(plan, start=1):
        for code in (e["a"], e["r"]):
            if code not in ids:
                ids[code] = f"A{len(ids) + 1}"
                doc_actors[code] = dict(actors[code], id=ids[code], mentions=[])
        a, r = actors[e["a"]], actors[e["r"]]
        ev, cameo, goldstein, quad, verb = e["type"]
        place = capitals[e["place"]] if e["place"] else None
        where = f" à {place[0]}" if place else ""
        when = f" le {e['day'].isoformat()}" if e["day"] else ""
        s0 = len(text_)
        sentence = f"{a['name']} {verb} {r['name']}{where}{when}."
        a0 = s0
        t0 = a0 + len(a["name"]) + 1
        r0 = t0 + len(verb) + 1
        doc_actors[e["a"]]["mentions"].append({"start": a0, "end": a0 + len(a["name"]), "text": a["name"], "how": "name"})
        doc_actors[e["r"]]["mentions"].append({"start": r0, "end": r0 + len(r["name"]), "text": r["name"], "how": "name"})
        text_ += sentence + " "
        pid = None
        if place:
            pid = doc_places.setdefault(place[0], {"id": f"P{len(doc_places) + 1}", "name": place[0], "country": e["place"],
                                                   "lat": place[1], "lon": place[2]})["id"]
        eid = f"E{n}"
        day = e["day"].isoformat() if e["day"] else None
        events.append({"id": eid, "event": ev, "mode": None, "context": [], "cameo": cameo, "goldstein": goldstein, "quad_class": quad,
                       "actors": [ids[e["a"]]], "recipients": [ids[e["r"]]], "when": {"time": None, "value": day} if day else None,
                       "where": pid, "status": e["status"], "attributed_to": None,
                       "trigger": {"start": t0, "end": t0 + len(verb), "text": verb},
                       "sentence": {"start": s0, "end": s0 + len(sentence)}, "confidence": 1.0, "why": "synthetic"})
        who, whom = [_ref(a)], [_ref(r)]
        rows.append((dict(event_id=eid, event=ev, mode=None, context="[]", cameo=cameo, goldstein=goldstein, quad_class=quad,
                          actors=refs[a["code"]], recipients=refs[r["code"]],
                          source_code=a["code"], target_code=r["code"], status=e["status"], when_value=day, date_start=day,
                          grain="D" if day else None, month=(day or published.isoformat())[:7],
                          place=place[0] if place else None, place_country=e["place"], attributed_to=None, trigger=verb,
                          sentence_start=s0, sentence_end=s0 + len(sentence), sentence=sentence, confidence=1.0, why="synthetic",
                          group_key=f"{ev}|{a['code']}|{r['code']}|{STATUS_CLASS[e['status']]}", event_key=e["key"]), who, whom))
    first = next(iter(doc_actors.values()))
    text_ += "Elle a réagi."
    first["mentions"].append({"start": len(text_) - 13, "end": len(text_) - 10, "text": "Elle", "how": "pronoun"})
    doc = {"schema": "newsgraph.document/1",
           "document": {"id": did, "content_sha256": "", "raw_sha256": "", "title": title, "published": published.isoformat(),
                        "language": "fr", "url": None, "source": "synthetique.example", "text": text_, "repairs": [], "non_text": [],
                        "pipeline": "synthetic"},
           "actors": list(doc_actors.values()), "places": list(doc_places.values()), "times": [], "events": events, "quotes": [],
           "claims": []}
    return doc, rows


def _insert_many(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """Rows into a table through the driver's executemany (SQLAlchemy's per-row parameter handling
    would take most of the time); a column some rows lack is NULL in them."""
    if not rows:
        return
    given = {k for r in rows for k in r}
    names = [c.name for c in table.columns if c.name in given]  # an id left out is numbered by the database
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    columns = ", ".join(f'"{n}"' for n in names)
    sql = f"INSERT INTO {table.name} ({columns}) VALUES ({', '.join([mark] * len(names))})"
    conn.exec_driver_sql(sql, [tuple(r.get(n) for n in names) for r in rows])


def _ref(actor: dict[str, Any]) -> dict[str, Any]:
    return {"canonical": actor["canonical"], "name": actor["name"], "code": actor["code"]}

