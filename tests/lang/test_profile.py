"""A language is a folder: the stages hold none of its words, a changed copy of the folder changes what
is coded with no code edited, and a toy language runs through the runner."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest

from newsgraph.errors import ResourceError
from newsgraph.lang import get_profile, load_profile
from newsgraph.lang.profile import LANG_DIR, vocabulary

SRC = Path(__file__).resolve().parents[2] / "src" / "newsgraph"
TOY = Path(__file__).parent / "toy"
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# spaCy's labels are not words of the language, even where they are spelt like one ("aux", "AUX"):
# Universal Dependencies relations (with the subtypes French uses) and part-of-speech tags
UD_LABELS = {
    "acl", "acl:relcl", "advcl", "advmod", "amod", "appos", "aux", "aux:pass", "aux:tense", "case", "cc", "ccomp", "clf",
    "compound", "conj", "cop", "csubj", "dep", "det", "discourse", "dislocated", "expl", "expl:comp", "expl:pass",
    "expl:pv", "expl:subj", "fixed", "flat", "flat:foreign", "flat:name", "goeswith", "iobj", "list", "mark", "nmod",
    "nsubj", "nsubj:pass", "nummod", "obj", "obl", "obl:agent", "obl:arg", "obl:mod", "orphan", "parataxis", "punct",
    "reparandum", "root", "vocative", "xcomp",
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
    # morphological feature values ("Fin" is VerbForm=Fin, not the French "fin")
    "Fin", "Inf", "Part", "Ger", "Past", "Pres", "Fut", "Imp", "Pqp", "Cnd", "Ind", "Sub", "Masc", "Fem", "Sing", "Plur", "Yes",
}


def _literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string literal of a module, docstrings aside; an f-string is one literal
    (its constant parts joined)."""
    tree = ast.parse(path.read_text("utf-8"))
    skip = set()
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                skip.add(id(first.value))
        if isinstance(node, ast.JoinedStr):
            parts = [v for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
            skip.update(id(v) for v in parts)
            out.append((node.lineno, " ".join(v.value for v in parts)))
    out += [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip]
    return out


def _french_words(text: str, words: frozenset[str]) -> list[str]:
    """The words of the profile a literal holds. Not counted: spaCy's labels, codes in capitals (GOV,
    SANCTION), and English prose (messages and whys: three words or more, one of them not French)."""
    if text in UD_LABELS:
        return []
    tokens = [w for w in WORD.findall(text) if not w.isupper()]
    if len(tokens) >= 3 and any(len(w) >= 3 and w.lower() not in words for w in tokens):
        return []
    return [w for w in tokens if w.lower() in words]


def test_stages_hold_no_french_words():
    words = vocabulary(get_profile("fr"))
    assert {"pas", "jamais", "selon", "rencontrer", "janvier", "lundi", "dernier", "gouvernement", "que"} <= words
    found = []
    for path in sorted((SRC / "pipeline").rglob("*.py")):
        for line, text in _literals(path):
            found += [f"{path.relative_to(SRC)}:{line}: {w!r} in {text[:60]!r}" for w in _french_words(text, words)]
    assert not found, "French words in the stages (they belong in lang/fr/):\n" + "\n".join(found)


def test_the_check_finds_a_french_word(tmp_path):
    """The check above would catch a word written into a stage."""
    module = tmp_path / "stage.py"
    module.write_text('"""Docstrings may say jamais."""\nNEG = {"jamais"}\nWHY = f"no actor for {1} here"\n'
                      'AGO = r"il\\s+y\\s+a"\nLABEL = "aux"\n', "utf-8")
    words = vocabulary(get_profile("fr"))
    hits = [w for _, text in _literals(module) for w in _french_words(text, words)]
    assert sorted(hits) == ["il", "jamais"]


def test_profile_of_french():
    fr = get_profile("fr")
    assert fr.code == "fr" and fr.model == "fr_core_news_md"
    assert len(fr.lexicon.entries) >= 400 and "pas" in fr.words.negation_adverbs
    assert fr.version.startswith("fr-") and len(fr.data_hash) == 64
    assert load_profile(LANG_DIR / "fr").data_hash == fr.data_hash  # the hash is the folder's, stable


def test_a_folder_without_profile_is_refused(tmp_path):
    with pytest.raises(ResourceError, match="not a language folder"):
        load_profile(tmp_path)
    shutil.copytree(LANG_DIR / "fr", tmp_path / "broken", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "broken" / "words.toml").write_text("[negation]\nadverbs = [\n", "utf-8")
    with pytest.raises(ResourceError, match="malformed TOML"):
        load_profile(tmp_path / "broken")


def _pipeline(profile):
    from newsgraph.pipeline.runner import Pipeline
    from newsgraph.pipeline.stages import default_stages

    before, after = default_stages(profile)
    return Pipeline(before, after, profile=profile)


def _events(pipeline, text, language=None):
    from newsgraph.ingest.readers import record_from_json

    raw = record_from_json({"text": text, "published": "2023-09-05", "language": language}, "<test>", text.encode())
    doc = pipeline.run(raw)
    codes = {a.id: a.code for a in doc.actors}
    return [(e.event, tuple(codes[a] for a in e.actors), tuple(codes[a] for a in e.recipients), e.status) for e in doc.events]


@pytest.mark.model
def test_a_changed_copy_of_the_folder_changes_the_coding(tmp_path):
    copy = tmp_path / "fr"
    shutil.copytree(LANG_DIR / "fr", copy, ignore=shutil.ignore_patterns("__pycache__"))
    words = (copy / "words.toml").read_text("utf-8")
    (copy / "words.toml").write_text(words.replace('"jamais", ', ""), "utf-8")  # "jamais" no longer negates
    with (copy / "events.tsv").open("a", encoding="utf-8") as f:
        f.write("snober\tV\t125\tR=obj\t\n")  # a new verb: REJECT (125, reject proposal to meet)
    changed = load_profile(copy)
    assert changed.data_hash != get_profile("fr").data_hash
    original, edited = _pipeline(get_profile("fr")), _pipeline(changed)
    assert original.version != edited.version  # a store re-codes what the old data coded

    text = "La Russie n'a jamais attaqué l'Ukraine."
    assert ("ASSAULT", ("RUS",), ("UKR",), "negated") in _events(original, text)
    assert ("ASSAULT", ("RUS",), ("UKR",), "asserted") in _events(edited, text)
    text = "La France a snobé l'Allemagne."
    assert not any(e[0] == "REJECT" for e in _events(original, text))
    assert ("REJECT", ("FRA",), ("DEU",), "asserted") in _events(edited, text)


@pytest.mark.model
def test_a_toy_language_runs_through_the_runner():
    toy = load_profile(TOY)
    assert toy.code == "zz" and len(toy.lexicon.entries) == 2
    pipeline = _pipeline(toy)
    assert "lang zz-" in pipeline.version
    events = _events(pipeline, "La France a blâmé l'Allemagne. La France a rencontré l'Italie.", language="zz")
    assert ("ACCUSE", ("FRA",), ("DEU",), "asserted") in events
    assert any(e[0] == "CONSULT" for e in events)
    # the French lexicon's verbs mean nothing in the toy language
    assert _events(pipeline, "La France a condamné l'Allemagne.", language="zz") == []
