"""Language identification: French WiNER sentences (positives) against the English and Spanish
sentences of the Recognizers-Text date specs (negatives).

    python bench/langid.py [--corpus PATH] [--recognizers PATH] [--sentences N]
"""

from __future__ import annotations

import argparse
import json
import random
import re

from _common import SHARED, winer_dir, winer_ids, winer_paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus")
    ap.add_argument("--recognizers", default=str(SHARED / "data" / "time" / "recognizers"))
    ap.add_argument("--sentences", type=int, default=2000)
    args = ap.parse_args()
    from newsgraph.lang import SUPPORTED
    from newsgraph.pipeline.langid import identify_language

    rng = random.Random(7)
    corpus = winer_dir(args.corpus)
    french: list[str] = []
    for doc_id in winer_ids(corpus, False):
        text = winer_paths(corpus, doc_id)[0].read_text("utf-8")
        french.extend(s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 4)
    rng.shuffle(french)
    french = french[: args.sentences]
    others: dict[str, list[str]] = {}
    for lang, name in (("en", "English"), ("es", "Spanish")):
        cases = json.load(open(f"{args.recognizers}/{name}-DateTimeModel.json", encoding="utf-8-sig"))
        others[lang] = sorted({c["Input"] for c in cases})
    ok_fr = sum(identify_language(s)[0] in SUPPORTED for s in french)
    print(f"French sentences accepted: {ok_fr}/{len(french)} = {ok_fr / len(french):.3f}")
    total_ok, total = ok_fr, len(french)
    for lang, sents in others.items():
        rejected = sum(identify_language(s)[0] not in SUPPORTED for s in sents)
        total_ok += rejected
        total += len(sents)
        print(f"{lang} sentences rejected: {rejected}/{len(sents)} = {rejected / len(sents):.3f}")
    print(f"accuracy: {total_ok}/{total} = {total_ok / total:.3f}")


if __name__ == "__main__":
    main()
