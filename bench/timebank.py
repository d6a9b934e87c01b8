"""French TimeBank 1.1 with the TempEval-3 measures: strict and relaxed extraction F1 and value F1,
beside HeidelTime's published figures; then the time stage's share of the whole pipeline's time.

    python bench/timebank.py [--timebank PATH] [--corpus WINER_PATH] [--articles N] [--errors N]
"""

from __future__ import annotations

import argparse
import html
import re
import time
from datetime import date
from pathlib import Path

from _common import SHARED, prf, winer_dir, winer_ids, winer_paths

TAG = re.compile(r"<(/?)(\w+)([^>]*?)(/?)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> tuple[str, date, list[tuple[int, int, str, str]]]:
    raw = path.read_text("utf-8")
    dct_m = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S)
    dct = date.fromisoformat(dct_m.group(1))
    body = raw[raw.index("<TEXT>") + 6: raw.index("</TEXT>")]
    text, gold, pos, stack = [], [], 0, []
    i = 0
    for m in TAG.finditer(body):
        chunk = html.unescape(body[i:m.start()])
        text.append(chunk)
        pos += len(chunk)
        i = m.end()
        closing, name, attrs, selfclosing = m.groups()
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            stack.append((pos, dict(ATTR.findall(attrs))))
        else:
            start, a = stack.pop()
            gold.append((start, pos, a.get("value", ""), a.get("type", "")))
    text.append(html.unescape(body[i:]))
    return "".join(text), dct, gold


def predictions(text: str, dct: date, profile, doc) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    """(start, end, value) of every time expression found. TimeBank annotates the two ends of a range
    ("entre 1990 et 2000", "depuis 1998") as separate TIMEX3s, so a range counts as the points it joins."""
    from newsgraph.pipeline.times import find_times

    out = []
    for h in find_times(text, dct, profile, doc):
        for p in (h.parts if h.interval else [h]):
            out.append((p.start, p.end, p.value))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--timebank", default=str(SHARED / "data" / "time" / "fr_timebank" / "Data"))
    ap.add_argument("--corpus", help="WiNER folder for the timing part")
    ap.add_argument("--articles", type=int, default=60, help="WiNER articles for the timing part")
    ap.add_argument("--errors", type=int, default=0, help="print this many value errors")
    args = ap.parse_args()

    from newsgraph.lang import get_profile
    from newsgraph.pipeline.nlp import load_model
    from newsgraph.pipeline.repair import matching_text

    fr = get_profile("fr")
    nlp = load_model(fr)
    strict_tp = relaxed_tp = value_tp = n_pred = n_gold = 0
    errors = []
    for path in sorted(Path(args.timebank).glob("*.tml")):
        text, dct, gold = read_tml(path)
        doc = nlp(matching_text(text))
        pred = predictions(matching_text(text), dct, fr, doc)
        n_pred += len(pred)
        n_gold += len(gold)
        used = set()
        for gs, ge, gv, _gt in gold:
            match = None
            for k, (ps, pe, pv) in enumerate(pred):
                if k not in used and ps < ge and gs < pe:
                    match = k
                    if (ps, pe) == (gs, ge):
                        break
            if match is None:
                errors.append(f"MISS  {path.stem}: {text[gs:ge]!r} = {gv}")
                continue
            used.add(match)
            ps, pe, pv = pred[match]
            relaxed_tp += 1
            strict_tp += (ps, pe) == (gs, ge)
            if pv == gv:
                value_tp += 1
            else:
                errors.append(f"VALUE {path.stem}: {text[ps:pe]!r} -> {pv}, gold {text[gs:ge]!r} = {gv}")
        for k, (ps, pe, pv) in enumerate(pred):
            if k not in used:
                errors.append(f"FALSE {path.stem}: {text[ps:pe]!r} -> {pv}")
    print(f"French TimeBank 1.1: {n_gold} gold TIMEX3, {n_pred} predicted")
    print(f"{'measure':<22} {'newsgraph':>10} {'HeidelTime':>11}")
    for name, tp, ref in (("strict extraction F1", strict_tp, 86.0), ("relaxed extraction F1", relaxed_tp, 91.0), ("value F1", value_tp, 73.6)):
        p, r, f = prf(tp, n_pred, n_gold)
        print(f"{name:<22} {100 * f:10.1f} {ref:11.1f}   (P {100 * p:.1f}, R {100 * r:.1f})")
    for line in errors[: args.errors]:
        print("  " + line)

    # the time stage's share of the pipeline's time, same articles, same run
    from newsgraph.ingest.readers import read_path
    from newsgraph.pipeline.runner import get_pipeline

    pipeline = get_pipeline()
    stage = next(s for s in pipeline.after if s.name == "times")
    corpus = winer_dir(args.corpus)
    ids = winer_ids(corpus, True)[: args.articles]
    total = in_stage = 0.0
    original = stage.__call__
    for doc_id in ids:
        (rec,) = list(read_path(winer_paths(corpus, doc_id)[0]))
        t0 = time.perf_counter()
        work_doc = pipeline.run(rec)
        total += time.perf_counter() - t0
        assert work_doc is not None
    # time the stage alone on the same parsed texts
    from newsgraph.pipeline.work import Work

    for doc_id in ids:
        (rec,) = list(read_path(winer_paths(corpus, doc_id)[0]))
        text = matching_text(rec.text)
        work = Work(raw=rec, profile=fr, text=rec.text, match_text=text, spacy=nlp(text), published=None)
        t0 = time.perf_counter()
        original(work)
        in_stage += time.perf_counter() - t0
    print(f"time stage: {1000 * in_stage / len(ids):.1f} ms per article, {100 * in_stage / total:.1f}% of the whole "
          f"pipeline ({1000 * total / len(ids):.0f} ms per article), {len(ids)} geopolitics articles")


if __name__ == "__main__":
    main()
