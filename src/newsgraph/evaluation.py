"""Scoring of coded documents against development gold (the rule of the gold README).

An output event matches a gold event when the PLOVER types are equal (AGREE and CONSULT match each
other when either side is planned) and:
- for CONSULT, AGREE, COOPERATE, and gold events without recipients: the participants (actors plus
  recipients, by the first three letters of their codes) have a Jaccard overlap of at least 0.5;
- otherwise: actors overlap (when the gold names any) and recipients overlap.
Each gold event takes at most one output event, core events first (a maximum matching, so that the
order of the gold file does not decide which output goes to which event). Precision counts output
events that matched any gold event; recall counts the core events found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}


@dataclass
class EventScore:
    outputs: int = 0
    matched_outputs: int = 0
    core: int = 0
    core_found: int = 0
    status_ok: int = 0
    time_ok: int = 0
    time_total: int = 0
    pairs: int = 0
    sentences: int = 0  # sentences with a core gold event
    sentences_without: int = 0  # of those, the ones where no event came out
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    # per PLOVER type: [outputs, matched outputs, core gold events, core gold events found]
    by_type: dict[str, list[int]] = field(default_factory=dict)

    def add(self, other: EventScore) -> None:
        for f in ("outputs", "matched_outputs", "core", "core_found", "status_ok", "time_ok", "time_total", "pairs", "sentences",
                  "sentences_without"):
            setattr(self, f, getattr(self, f) + getattr(other, f))
        self.misses += other.misses
        self.false_alarms += other.false_alarms
        for t, counts in other.by_type.items():
            mine = self.by_type.setdefault(t, [0, 0, 0, 0])
            for i, v in enumerate(counts):
                mine[i] += v

    def type_counts(self, event: str) -> list[int]:
        return self.by_type.setdefault(event, [0, 0, 0, 0])

    def type_prf(self, event: str) -> tuple[float, float, float]:
        out, matched, core, found = self.by_type.get(event, [0, 0, 0, 0])
        p = matched / out if out else 0.0
        r = found / core if core else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def no_event_share(self) -> float:
        return self.sentences_without / self.sentences if self.sentences else 0.0

    @property
    def precision(self) -> float:
        return self.matched_outputs / self.outputs if self.outputs else 0.0

    @property
    def recall(self) -> float:
        return self.core_found / self.core if self.core else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _countries(codes: list[str]) -> set[str]:
    return {c[:3] for c in codes if c}


def output_events(doc: dict[str, Any]) -> list[dict[str, Any]]:
    codes = {a["id"]: a["code"] for a in doc["actors"]}
    times = {t["id"]: t["value"] for t in doc.get("times", ())}
    out = []
    for e in doc["events"]:
        # the gold annotates the event's own time: the date of its report is none, but a vague time of
        # its own ("récemment": PAST_REF, for which the report gives the date) is
        when = e["when"] or {}
        own = when.get("value") if when.get("source", "text") == "text" else times.get(when.get("time"))
        out.append({
            "event": e["event"], "status": e["status"], "when": own,
            "actors": [codes.get(a) for a in e["actors"] if codes.get(a)],
            "recipients": [codes.get(a) for a in e["recipients"] if codes.get(a)],
            "text": doc["document"]["text"][e["sentence"]["start"]:e["sentence"]["end"]],
            "trigger": e["trigger"]["text"],
        })
    return out


def events_match(gold: dict[str, Any], out: dict[str, Any]) -> bool:
    g_type, o_type = gold["event"], out["event"]
    if g_type != o_type:
        planned = gold.get("status") == "planned" or out.get("status") == "planned"
        if not (planned and {g_type, o_type} == {"AGREE", "CONSULT"}):
            return False
    ga, gr = _countries(gold.get("actors", [])), _countries(gold.get("recipients", []))
    oa, orc = _countries(out["actors"]), _countries(out["recipients"])
    if g_type in SYMMETRIC or not gr:
        gp, op = ga | gr, oa | orc
        return bool(gp | op) and len(gp & op) / len(gp | op) >= 0.5
    if ga and not (ga & oa):
        return False
    return bool(gr & orc)


def max_matching(golds: list[dict[str, Any]], outs: list[dict[str, Any]], taken: set[int], offset: int = 0) -> dict[int, int]:
    """A maximum matching of gold events to output events (each takes at most one), by augmenting
    paths; outputs in ``taken`` are not available. Returns {offset + gold index: output index}."""
    def preference(g: dict[str, Any], o: dict[str, Any]) -> tuple[int, int, int]:
        same_sentence = _squash(g.get("sentence", ""))[:60] in _squash(o["text"]) or _squash(o["text"])[:60] in _squash(g.get("sentence", ""))
        return (not same_sentence, o["status"] != g.get("status"), o["when"] != g.get("when"))

    edges = [sorted((k for k, o in enumerate(outs) if k not in taken and events_match(g, o)), key=lambda k, g=g: preference(g, outs[k]))
             for g in golds]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for k in edges[i]:
            if k in seen:
                continue
            seen.add(k)
            if k not in owner or augment(owner[k], seen):
                owner[k] = i
                return True
        return False

    for i in range(len(golds)):
        augment(i, set())
    return {offset + i: k for k, i in owner.items()}


def score_events(gold: dict[str, Any], doc: dict[str, Any]) -> EventScore:
    s = EventScore()
    outs = output_events(doc)
    s.outputs = len(outs)
    core = [g for g in gold["events"] if g.get("core", True)]
    extra = [g for g in gold["events"] if not g.get("core", True)]
    pairs = max_matching(core, outs, set())
    pairs.update(max_matching(extra, outs, set(pairs.values()), offset=len(core)))
    used = set(pairs.values())
    for n, g in enumerate(core + extra):
        is_core = n < len(core)
        s.core += is_core
        hit = pairs.get(n)
        if hit is None:
            if is_core:
                s.misses.append(f"{gold['doc']}: {g['event']} {g['actors']} -> {g['recipients']} [{g['status']}] | {g['sentence'][:110]}")
            continue
        s.core_found += is_core
        o = outs[hit]
        s.pairs += 1
        s.status_ok += o["status"] == g["status"]
        if g.get("when") is not None or o["when"] is not None:
            s.time_total += 1
            s.time_ok += (o["when"] or None) == g.get("when")
    s.matched_outputs = len(used)
    for k, o in enumerate(outs):
        s.type_counts(o["event"])[0] += 1
        s.type_counts(o["event"])[1] += k in used
    for n, g in enumerate(core):
        s.type_counts(g["event"])[2] += 1
        s.type_counts(g["event"])[3] += n in pairs
    core_sentences = {_squash(g.get("sentence", "")) for g in core if g.get("sentence")}
    out_sentences = [_squash(o["text"]) for o in outs]
    s.sentences = len(core_sentences)
    s.sentences_without = sum(1 for sent in core_sentences if not any(sent[:60] in o or o[:60] in sent for o in out_sentences))
    for k, o in enumerate(outs):
        if k not in used:
            s.false_alarms.append(f"{gold['doc']}: {o['event']} {o['actors']} -> {o['recipients']} [{o['status']}] '{o['trigger']}' | {o['text'][:100]}")
    return s


@dataclass
class QuoteScore:
    outputs: int = 0
    gold: int = 0
    found: int = 0
    speaker_ok: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: QuoteScore) -> None:
        for f in ("outputs", "gold", "found", "speaker_ok"):
            setattr(self, f, getattr(self, f) + getattr(other, f))
        self.errors += other.errors

    @property
    def precision(self) -> float:
        return self.found / self.outputs if self.outputs else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def speaker_accuracy(self) -> float:
        """Of the quotes found, the share whose speaker is right."""
        return self.speaker_ok / self.found if self.found else 0.0

    @property
    def speaker_precision(self) -> float:
        """Quotes found with the right speaker, over the quotes output."""
        return self.speaker_ok / self.outputs if self.outputs else 0.0

    @property
    def speaker_recall(self) -> float:
        return self.speaker_ok / self.gold if self.gold else 0.0

    @property
    def speaker_f1(self) -> float:
        p, r = self.speaker_precision, self.speaker_recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _squash(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def score_quotes(gold: dict[str, Any], doc: dict[str, Any]) -> QuoteScore:
    """A quote matches a gold quote when its text starts with (or contains near its start) the gold
    'starts_with' and the direct flag agrees; its speaker is right when the country part of the code agrees."""
    s = QuoteScore()
    codes = {a["id"]: a["code"] for a in doc["actors"]}
    outs = doc["quotes"]
    s.outputs = len(outs)
    golds = [g for g in gold.get("quotes", []) if g.get("core", True)]
    s.gold = len(golds)
    used: set[int] = set()
    for g in golds:
        want = _squash(g["starts_with"])
        hit = next((k for k, q in enumerate(outs) if k not in used and q["direct"] == g["direct"]
                    and (want[:25] in _squash(q["text"])[: len(want) + 40]
                         or len(_squash(q["text"])) >= 15 and want.startswith(_squash(q["text"])))), None)
        if hit is None:
            s.errors.append(f"{gold['doc']}: MISSED {'direct' if g['direct'] else 'indirect'} '{g['starts_with']}' ({g['speaker_name']})")
            continue
        used.add(hit)
        s.found += 1
        got = codes.get(outs[hit]["speaker"]) or ""
        if got[:3] == g["speaker"][:3]:
            s.speaker_ok += 1
        else:
            s.errors.append(f"{gold['doc']}: SPEAKER '{g['starts_with']}' -> {got or None}, gold {g['speaker']} ({g['speaker_name']})")
    gold_all = [_squash(g["starts_with"])[:25] for g in gold.get("quotes", [])]
    for k, q in enumerate(outs):
        if k not in used and not any(w in _squash(q["text"])[:80] for w in gold_all):
            s.errors.append(f"{gold['doc']}: FALSE {'direct' if q['direct'] else 'indirect'} '{q['text'][:60]}'")
    s.outputs = len(used) + sum(1 for e in s.errors if e.startswith(f"{gold['doc']}: FALSE"))
    return s


# PLOVER's older type names in the gold-standard records, and its non-ISO country codes
PLOVER_RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
NON_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def plover_gold(record: dict[str, Any]) -> dict[str, Any]:
    """A sentence of ``plover_fr_dev.jsonl`` as a one-event gold document (the scoring rules of the
    gold README: score each sentence as a one-event document)."""
    def codes(side: Any) -> list[str]:
        out = []
        for a in side or []:
            code = (a.get("code") or "").upper()
            if code:
                out.append(NON_ISO.get(code[:3], code[:3]) + code[3:])
        return out

    event = PLOVER_RENAMED.get(record["event"], record["event"])
    return {"doc": record["id"], "events": [{
        "sentence": record["text_fr"], "event": event, "mode": record.get("mode"), "actors": codes(record.get("source")),
        "recipients": codes(record.get("target")), "status": "asserted", "when": None, "core": True,
    }]}


# statuses of events that may lie after the report that tells of them
AHEAD = ("planned", "hypothetical")


@dataclass
class DateCheck:
    """Events without a calendar date, and events dated after their article's publication date that are
    not planned or hypothetical (an event reported as done cannot come after its report)."""

    events: int = 0
    from_text: int = 0
    undated: list[str] = field(default_factory=list)
    after_publication: list[str] = field(default_factory=list)

    def add(self, doc: Any) -> None:
        from newsgraph.store.core import period

        published = doc.document.published[:10] if doc.document.published else None
        for e in doc.events:
            self.events += 1
            start = period(e.when.value)[0] if e.when else None
            where = f"{doc.document.id} {e.id} {e.event} {e.status} {e.trigger.text!r}"
            if start is None:
                self.undated.append(f"{where}: when {e.when.value if e.when else None}")
                continue
            self.from_text += e.when.source == "text"
            if published and start.isoformat() > published and e.status not in AHEAD:
                self.after_publication.append(f"{where}: {e.when.value} after {published}")
