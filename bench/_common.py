"""Helpers shared by the benchmark scripts (data paths, WiNER reading, offset mapping)."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))


def winer_dir(path: str | None) -> Path:
    return Path(path) if path else SHARED / "corpus" / "winer-fr"


def winer_ids(corpus: Path, geopolitics_only: bool) -> list[str]:
    if geopolitics_only:
        return [line.strip() for line in (corpus / "geopolitics.txt").read_text().split() if line.strip()]
    return sorted(p.stem for p in corpus.rglob("*.txt") if p.with_suffix(".ann").exists())


def winer_paths(corpus: Path, doc_id: str) -> tuple[Path, Path]:
    base = corpus / doc_id[:4] / doc_id[5:7] / doc_id
    return base.with_suffix(".txt"), base.with_suffix(".ann")


def read_ann(path: Path) -> list[tuple[str, int, int, str]]:
    """BRAT text-bound annotations: (type, start, end, text); discontinuous ones are skipped."""
    out = []
    for line in path.read_text("utf-8").splitlines():
        if not line.startswith("T"):
            continue
        _, middle, text = line.split("\t", 2)
        kind, spans = middle.split(" ", 1)
        if ";" in spans:
            continue
        start, end = spans.split()
        out.append((kind, int(start), int(end), text))
    return out


def offset_map(repaired: str, raw: str) -> list[int]:
    """For each offset of ``repaired``, the offset in ``raw`` (identity when the texts are equal)."""
    if repaired == raw:
        return list(range(len(raw) + 1))
    mapping = [0] * (len(repaired) + 1)
    matcher = difflib.SequenceMatcher(a=repaired, b=raw, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(i1, i2):
            mapping[k] = j1 + min(k - i1, max(j2 - j1 - 1, 0)) if tag != "equal" else j1 + (k - i1)
    mapping[len(repaired)] = len(raw)
    return mapping


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def gold_text(doc_id: str, corpus: Path) -> Path:
    """The text of a development-gold document: the seed article, or a WiNER article."""
    seed = SHARED / "corpus" / "seed" / f"{doc_id}.txt"
    return seed if seed.exists() else winer_paths(corpus, doc_id)[0]
