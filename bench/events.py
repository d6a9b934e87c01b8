"""Event coding on every development set: precision, recall and F1 of core events, per PLOVER type,
the share of sentences with a core event that gave no event, status and time accuracy on matched events;
then the dates of all events coded (how many have none, how many lie after their report without being
planned or hypothetical), over the sets and --winer N WiNER articles.

    python bench/events.py [--shared PATH] [--sets dev4,plover,tune,check] [--errors tune] [--types] [--winer N]

Sets: `dev4` the four documents of ../shared/gold; `plover` the 158 French PLOVER sentences of
../shared/gold/plover_fr_dev.jsonl (each a one-event document); `tune` and `check` the two parts of the
development corpus (tests/fixtures/devcorpus, split by article in split.tsv). Errors (misses and false
alarms) are printed only for the sets named by --errors, and never for `check`: rules are written
from the tune part and the check part is only scored.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from _common import ROOT, SHARED, gold_text, winer_dir

DEV = ROOT / "tests" / "fixtures" / "devcorpus"
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def split_ids(part: str) -> list[str]:
    rows = [line.split("\t") for line in (DEV / "split.tsv").read_text("utf-8").splitlines() if line and not line.startswith("#")]
    return [doc for doc, which in rows if which.strip() == part]


def corpus_set(part: str) -> list[tuple[dict, dict]]:
    """(gold, record) for each article of a part of the development corpus."""
    out = []
    for doc_id in split_ids(part):
        gold = json.loads((DEV / "gold" / f"{doc_id}.gold.json").read_text("utf-8"))
        text = (DEV / "text" / f"{doc_id}.txt").read_text("utf-8")
        lines = text.split("\n")
        title = lines[0].strip() if len(lines) > 2 and not lines[1].strip() else None
        out.append((gold, {"id": doc_id, "text": text, "title": title, "published": gold["published"]}))
    return out


def dev4_set(shared: Path) -> list[tuple[dict, dict]]:
    out = []
    corpus = winer_dir(str(shared / "corpus" / "winer-fr"))
    for path in sorted((shared / "gold").glob("*.gold.json")):
        gold = json.loads(path.read_text("utf-8"))
        text = gold_text(gold["doc"], corpus).read_text("utf-8")
        lines = text.split("\n")
        title = lines[0].strip() if len(lines) > 2 and not lines[1].strip() else None
        out.append((gold, {"id": gold["doc"], "text": text, "title": title, "published": gold.get("published")}))
    return out


def plover_set(shared: Path) -> list[tuple[dict, dict]]:
    from newsgraph.evaluation import plover_gold

    out = []
    for line in (shared / "gold" / "plover_fr_dev.jsonl").read_text("utf-8").splitlines():
        rec = json.loads(line)
        out.append((plover_gold(rec), {"id": rec["id"], "text": rec["text_fr"]}))
    return out


def score(pairs: list[tuple[dict, dict]], dates):  # type: ignore[no-untyped-def]
    from newsgraph import extract_many
    from newsgraph.evaluation import EventScore, score_events
    from newsgraph.model import Skipped

    total = EventScore()
    t0 = time.perf_counter()
    for (gold, _), doc in zip(pairs, extract_many([r for _, r in pairs])):
        if isinstance(doc, Skipped):
            raise SystemExit(f"{gold['doc']}: skipped ({doc.reason})")
        dates.add(doc)
        total.add(score_events(gold, doc.to_dict()))
    return total, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(SHARED))
    ap.add_argument("--sets", default="dev4,plover,tune,check")
    ap.add_argument("--errors", default="", help="sets whose misses and false alarms to print (never check)")
    ap.add_argument("--types", action="store_true", help="per-type precision, recall and F1 for each set")
    ap.add_argument("--winer", type=int, default=0, help="WiNER articles to code for the date check only")
    args = ap.parse_args()
    from newsgraph.evaluation import DateCheck

    dates, check_dates = DateCheck(), DateCheck()  # the check part's dates are counted, never listed
    shared = Path(args.shared)
    wanted = [s for s in args.sets.split(",") if s]
    makers = {"dev4": lambda: dev4_set(shared), "plover": lambda: plover_set(shared),
              "tune": lambda: corpus_set("tune"), "check": lambda: corpus_set("check")}
    results = {}
    print(f"{'set':<8} {'docs':>5} {'core':>5} {'out':>5} {'P':>6} {'R':>6} {'F1':>6} {'no event':>9} {'status':>8} {'time':>8}")
    for name in wanted:
        pairs = makers[name]()
        # the PLOVER sentences have no publication date to date their events by
        s, secs = score(pairs, {"check": check_dates, "plover": DateCheck()}.get(name, dates))
        results[name] = s
        status = f"{s.status_ok}/{s.pairs}" if name != "plover" else "-"
        print(f"{name:<8} {len(pairs):>5} {s.core:>5} {s.outputs:>5} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
              f"{s.no_event_share:9.3f} {status:>8} {s.time_ok:>3}/{s.time_total:<4}")
    if args.types:
        for name, s in results.items():
            print(f"\n{name}: per type (outputs, gold core)")
            for t in TYPES:
                out, _, core, _ = s.by_type.get(t, [0, 0, 0, 0])
                p, r, f = s.type_prf(t)
                print(f"  {t:<10} out {out:>4}  core {core:>4}  P {p:5.2f}  R {r:5.2f}  F1 {f:5.2f}")
    for name in [e for e in args.errors.split(",") if e and e != "check"]:
        s = results.get(name)
        if s is None:
            continue
        print(f"\n{name}: missed core events")
        for line in s.misses:
            print("  " + line)
        print(f"\n{name}: false alarms")
        for line in s.false_alarms:
            print("  " + line)
    if args.winer:
        from _common import winer_ids, winer_paths

        from newsgraph.ingest.readers import read_path
        from newsgraph.pipeline.runner import get_pipeline

        pipeline = get_pipeline()
        corpus = winer_dir(str(shared / "corpus" / "winer-fr"))
        for doc_id in winer_ids(corpus, False)[: args.winer]:
            (rec,) = list(read_path(winer_paths(corpus, doc_id)[0]))
            doc = pipeline.run(rec)
            if hasattr(doc, "events"):
                dates.add(doc)
    # every event has a date; none reported as done is dated after its report (issue 19)
    n_events = dates.events + check_dates.events
    undated = len(dates.undated) + len(check_dates.undated)
    after = len(dates.after_publication) + len(check_dates.after_publication)
    print(f"\ndates: {n_events} events, {dates.from_text + check_dates.from_text} dated by their text, {undated} without a date, "
          f"{after} dated after their report and neither planned nor hypothetical")
    for line in dates.undated[:20] + dates.after_publication:
        print("  " + line)


if __name__ == "__main__":
    main()
