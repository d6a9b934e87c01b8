"""Glued-word repair: split recall on words glued at random in clean WiNER text, and false splits on
the untouched text.

    python bench/repair.py [--corpus PATH] [--docs N] [--seed S]

Four kinds of glue: digit->word ("2019quelques"), word->Capitalised word ("famineLa"),
word->elided clitic ("contrel'armée") and a missing space after a full stop ("main.YURI").
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter

from _common import winer_dir, winer_ids, winer_paths

PATTERNS = {
    "digit->word": re.compile(r"(?<=\d) (?=[a-zà-ÿ]{2,}\b)"),
    "word->Capitalised": re.compile(r"(?<=[a-zà-ÿ]{3}) (?=[A-ZÀ-Ý][a-zà-ÿ]+\b)"),
    "word->clitic": re.compile(r"(?<=[a-zà-ÿ]{2}) (?=[ldjmnst]'[a-zà-ÿA-ZÀ-Ý])"),
    "missing space after stop": re.compile(r"(?<=[a-zà-ÿ]{2}\.) (?=[A-ZÀ-Ý][a-zà-ÿ]+)"),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus")
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    from newsgraph.pipeline.repair import glued_word_splits

    corpus = winer_dir(args.corpus)
    rng = random.Random(args.seed)
    ids = winer_ids(corpus, False)
    rng.shuffle(ids)
    found, total = Counter(), Counter()
    false_splits = 0
    words = 0
    for doc_id in ids[: args.docs]:
        text = winer_paths(corpus, doc_id)[0].read_text("utf-8")
        words += len(text.split())
        false_splits += len(glued_word_splits(text))
        for kind, pattern in PATTERNS.items():
            spots = [m.start() for m in pattern.finditer(text)]
            for at in rng.sample(spots, min(3, len(spots))):
                glued = text[:at] + text[at + 1:]
                total[kind] += 1
                if at in glued_word_splits(glued[max(0, at - 60): at + 60]) and at - max(0, at - 60) >= 0:
                    found[kind] += 1
                elif (at - max(0, at - 60)) in glued_word_splits(glued[max(0, at - 60): at + 60]):
                    found[kind] += 1
    print(f"docs {args.docs}, words {words}")
    print(f"{'glue kind':<26} {'glued':>6} {'split':>6} {'recall':>7}")
    for kind in PATTERNS:
        r = found[kind] / total[kind] if total[kind] else 0.0
        print(f"{kind:<26} {total[kind]:>6} {found[kind]:>6} {r:7.3f}")
    all_found, all_total = sum(found.values()), sum(total.values())
    print(f"{'all':<26} {all_total:>6} {all_found:>6} {all_found / max(all_total, 1):7.3f}")
    print(f"false splits on untouched text: {false_splits} ({false_splits / words * 10000:.2f} per 10,000 words)")


if __name__ == "__main__":
    main()
