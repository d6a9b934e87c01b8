"""Event coding against the development gold: precision, recall, F1, status and time accuracy on
matched events, every miss and false alarm; then the WiNER articles for a human read; then the dates
of all those events (how many have none, how many lie after their report without being planned).

    python bench/events.py [--gold PATH] [--corpus PATH] [--winer N] [--sample 30]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from _common import SHARED, gold_text, winer_dir, winer_ids, winer_paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", default=str(SHARED / "gold"))
    ap.add_argument("--corpus")
    ap.add_argument("--winer", type=int, default=1191, help="WiNER articles to code for the read (0: none)")
    ap.add_argument("--sample", type=int, default=30)
    args = ap.parse_args()
    from newsgraph.evaluation import DateCheck, EventScore, score_events
    from newsgraph.ingest.readers import read_path
    from newsgraph.pipeline.runner import get_pipeline

    corpus = winer_dir(args.corpus)
    pipeline = get_pipeline()
    total = EventScore()
    dates = DateCheck()
    print(f"{'document':<24} {'out':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for path in sorted(Path(args.gold).glob("*.gold.json")):
        gold = json.loads(path.read_text("utf-8"))
        (rec,) = list(read_path(gold_text(gold["doc"], corpus)))
        coded = pipeline.run(rec)
        dates.add(coded)
        doc = coded.to_dict()
        s = score_events(gold, doc)
        total.add(s)
        print(f"{gold['doc']:<24} {s.outputs:>4} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")
    print(f"{'all development gold':<24} {total.outputs:>4} {total.precision:6.3f} {total.recall:6.3f} {total.f1:6.3f}")
    print(f"status accuracy on matched events: {total.status_ok}/{total.pairs}; time accuracy: {total.time_ok}/{total.time_total}")
    print("\nmissed core events:")
    for line in total.misses:
        print("  " + line)
    print("\nfalse alarms:")
    for line in total.false_alarms:
        print("  " + line)
    if args.winer:
        ids = winer_ids(corpus, False)[: args.winer]
        types, statuses, per_doc, events = Counter(), Counter(), [], []
        for doc_id in ids:
            (rec,) = list(read_path(winer_paths(corpus, doc_id)[0]))
            d = pipeline.run(rec)
            if not hasattr(d, "events"):
                continue
            per_doc.append(len(d.events))
            dates.add(d)
            names = {a.id: f"{a.name}[{a.code}]" for a in d.actors}
            for e in d.events:
                types[e.event] += 1
                statuses[e.status] += 1
                events.append((doc_id, e, names, d.document.text[e.sentence.start:e.sentence.end]))
        print(f"\nWiNER: {len(per_doc)} articles, {sum(per_doc)} events, {sum(per_doc) / max(len(per_doc), 1):.2f} per article")
        print("types:    " + ", ".join(f"{k} {v}" for k, v in types.most_common()))
        print("statuses: " + ", ".join(f"{k} {v}" for k, v in statuses.most_common()))
        for doc_id, e, names, sent in random.Random(3).sample(events, min(args.sample, len(events))):
            who = " + ".join(names.get(a, a) for a in e.actors) or "-"
            whom = " + ".join(names.get(a, a) for a in e.recipients) or "-"
            print(f"\n  {doc_id} {e.event}/{e.cameo} {e.status}: {who} -> {whom}\n    {sent[:220]}")
    # every event has a date; none reported as done is dated after its report (issue 19)
    print(f"\ndates: {dates.events} events, {dates.from_text} dated by their text, {len(dates.undated)} without a date, "
          f"{len(dates.after_publication)} dated after their report and neither planned nor hypothetical")
    for line in dates.undated[:20] + dates.after_publication:
        print("  " + line)


if __name__ == "__main__":
    main()
