"""Check development gold files against the coding guide (tests/fixtures/devcorpus/CODING.md).

    python scripts/check_gold.py [GOLD.json ...]     # default: every file of tests/fixtures/devcorpus/gold

Prints one line per problem and a summary (events and quotes per PLOVER type); exits 1 on a problem.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "devcorpus"
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
STATUS = {"asserted", "planned", "hypothetical", "negated", "historical"}
CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
EVENT_FIELDS = {"sentence", "event", "mode", "cameo", "actors", "recipients", "status", "when", "where", "attributed_to", "core"}
QUOTE_FIELDS = {"speaker", "speaker_name", "direct", "starts_with", "cue", "core"}


def squash(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def check(path: Path) -> tuple[list[str], list[dict], list[dict]]:
    problems: list[str] = []
    try:
        gold = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return [f"{path.name}: not JSON ({exc})"], [], []
    doc = gold.get("doc")
    text_path = DEV / "text" / f"{doc}.txt"
    if doc != path.name.removesuffix(".gold.json") or not text_path.exists():
        return [f"{path.name}: 'doc' {doc!r} does not name a text in {DEV / 'text'}"], [], []
    text = squash(text_path.read_text("utf-8"))
    if gold.get("published") != f"{doc[:4]}-{doc[5:7]}-{doc[8:10]}":
        problems.append(f"{path.name}: 'published' should be the article date {doc[:4]}-{doc[5:7]}-{doc[8:10]}")
    events, quotes = gold.get("events", []), gold.get("quotes", [])
    for n, e in enumerate(events):
        where = f"{path.name} event {n}"
        missing = EVENT_FIELDS - set(e)
        if missing:
            problems.append(f"{where}: missing {sorted(missing)}")
            continue
        if squash(e["sentence"]) not in text:
            problems.append(f"{where}: sentence not found in the text: {e['sentence'][:60]!r}")
        if e["event"] not in TYPES:
            problems.append(f"{where}: {e['event']!r} is not a PLOVER type")
        if e["status"] not in STATUS:
            problems.append(f"{where}: status {e['status']!r}")
        if e["cameo"] is not None and not (isinstance(e["cameo"], str) and e["cameo"].isdigit()):
            problems.append(f"{where}: cameo {e['cameo']!r} should be a string of digits or null")
        for key in ("actors", "recipients"):
            if not isinstance(e[key], list) or not all(isinstance(c, str) and CODE.match(c) for c in e[key]):
                problems.append(f"{where}: {key} {e[key]!r} should be a list of CAMEO codes")
        if e["attributed_to"] is not None and not CODE.match(str(e["attributed_to"])):
            problems.append(f"{where}: attributed_to {e['attributed_to']!r}")
        if e["where"] is not None and not re.match(r"^[A-Z]{3}$", str(e["where"])):
            problems.append(f"{where}: where {e['where']!r} should be ISO3 or null")
        if e["when"] is not None and not DATE.match(str(e["when"])):
            problems.append(f"{where}: when {e['when']!r} should be YYYY[-MM[-DD]] or null")
        if not isinstance(e["core"], bool):
            problems.append(f"{where}: core should be true or false")
        if not e["actors"] and not e["recipients"] and e["core"]:
            problems.append(f"{where}: a core event with no actor and no recipient")
    for n, q in enumerate(quotes):
        where = f"{path.name} quote {n}"
        missing = QUOTE_FIELDS - set(q)
        if missing:
            problems.append(f"{where}: missing {sorted(missing)}")
            continue
        if not (isinstance(q["speaker"], str) and CODE.match(q["speaker"])):
            problems.append(f"{where}: speaker {q['speaker']!r} should be a CAMEO code")
        if squash(q["starts_with"]) not in text:
            problems.append(f"{where}: starts_with not found in the text: {q['starts_with']!r}")
        if len(q["starts_with"].split()) < 3:
            problems.append(f"{where}: starts_with should give at least 3 words")
        if not isinstance(q["direct"], bool) or not isinstance(q["core"], bool):
            problems.append(f"{where}: direct and core should be true or false")
    return problems, events, quotes


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((DEV / "gold").glob("*.gold.json"))
    problems: list[str] = []
    by_type: collections.Counter[str] = collections.Counter()
    core = quotes = 0
    for path in paths:
        p, events, qs = check(path)
        problems += p
        by_type.update(e.get("event", "?") for e in events)
        core += sum(1 for e in events if e.get("core"))
        quotes += len(qs)
    for line in problems:
        print(line)
    print(f"{len(paths)} files, {sum(by_type.values())} events ({core} core), {quotes} quotes")
    print("  " + " ".join(f"{t}:{by_type[t]}" for t in sorted(TYPES)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
