"""French morphology: what the French profile cannot say as a table.

- ``inflections(adjective)``: the feminine and plural forms of a masculine singular adjective, by the
  regular rules with the irregular endings of country adjectives (grec/grecque, turc/turque); the first
  part of a compound (nord-coréen, sud-africain) does not vary.
- ``verb_forms(lemma, irregular)``: third-person and participle forms of a verb, generated for regular
  -er and -ir verbs, or taken from the irregular forms that ``reporting.tsv`` gives.
- ``reflexive_base(lemma)``: "se réunir" -> "réunir", "s'engager" -> "engager"; None for other lemmas.
- ``participle_infinitive(lemma)``: the infinitive of a participle the tagger lemmatised as an
  adjective ("accusé" -> "accuser").

Loaded by ``newsgraph.lang.profile`` from the file that ``profile.toml`` names.
"""

from __future__ import annotations

_FEMININE = [
    ("eau", "elle"), ("ien", "ienne"), ("éen", "éenne"), ("en", "enne"), ("on", "onne"), ("grec", "grecque"),
    ("turc", "turque"), ("et", "ette"), ("el", "elle"), ("eux", "euse"), ("if", "ive"), ("er", "ère"),
]

ER_ENDINGS = ("e", "es", "ent", "é", "ée", "és", "ées", "a", "ait", "aient", "ant", "ons", "ez", "èrent", "era", "eront",
              "erait", "eraient", "er")
IR_ENDINGS = ("it", "issent", "i", "ie", "is", "ies", "issait", "issaient", "issant", "ira", "iront", "irait", "iraient", "ir")
REFLEXIVE_PREFIXES = ("se ", "s'")
PARTICIPLE_ENDINGS = (("é", "er"), ("i", "ir"))


def feminine(word: str) -> str:
    head, sep, last = word.rpartition("-")
    if last.endswith("e"):
        return word
    for end, repl in _FEMININE:
        if last.endswith(end):
            return head + sep + last[: -len(end)] + repl
    return head + sep + last + "e"


def plural(word: str) -> str:
    head, sep, last = word.rpartition("-")
    if last.endswith(("s", "x", "z")):
        return word
    if last.endswith("al"):
        return head + sep + last[:-2] + "aux"
    if last.endswith("eau"):
        return word + "x"
    return head + sep + last + "s"


def inflections(adjective: str) -> list[str]:
    """All four forms (masc. sg., fem. sg., masc. pl., fem. pl.), without duplicates, in that order."""
    fem = feminine(adjective)
    forms = [adjective, fem, plural(adjective), plural(fem)]
    return list(dict.fromkeys(forms))


def reflexive_base(lemma: str) -> str | None:
    for prefix in REFLEXIVE_PREFIXES:
        if lemma.startswith(prefix):
            return lemma[len(prefix):]
    return None


def participle_infinitive(lemma: str) -> str | None:
    for end, repl in PARTICIPLE_ENDINGS:
        if lemma.endswith(end):
            return lemma[: -len(end)] + repl
    return None


def _irregular_forms(infinitive: str, given: tuple[str, ...]) -> set[str]:
    """The forms given (present 3rd sg, present 3rd pl, past participle, passé simple 3rd sg) and those
    that follow from them: the imperfect and present participle from the plural stem ("disent" ->
    "disait", "disant"), the participle's feminine and plural ("dit" -> "dite", "dites"), the future
    and conditional from the infinitive ("dire" -> "dira", "dirait")."""
    forms = [f.split(" ")[0] for f in given]
    out = set(forms)
    if len(forms) >= 2 and forms[1].endswith("ent"):
        stem = forms[1][:-3]
        out.update(stem + end for end in ("ait", "aient", "ant"))
    if len(forms) >= 3:
        part = forms[2]
        out.update([part + "e", part + "es"] if part.endswith("s") else [part + "e", part + "s", part + "es"])
    if infinitive.endswith("re"):
        out.update(infinitive[:-1] + end for end in ("a", "ont", "ait", "aient"))
    return out


# Verbs of the third group, by ending: (ending, replacement, the forms' endings after it). The past
# participle comes first: it is the form the tagger most often lemmatises as an adjective ("interdits").
THIRD_GROUP = [
    ("prendre", "pr", ("is", "ise", "ises", "end", "ennent", "it", "irent")),
    ("mettre", "m", ("is", "ise", "ises", "et", "ettent", "it", "irent")),
    ("battre", "bat", ("tu", "tue", "tus", "tues", "", "tent", "tit", "tirent")),
    ("endre", "end", ("u", "ue", "us", "ues", "", "ent", "it", "irent")),
    ("ondre", "ond", ("u", "ue", "us", "ues", "", "ent", "it", "irent")),
    ("dire", "d", ("it", "ite", "its", "ites", "isent", "irent")),
    ("crire", "cr", ("it", "ite", "its", "ites", "ivent", "ivit")),
    ("uire", "u", ("it", "ite", "its", "ites", "isent", "isit")),
    ("aindre", "a", ("int", "inte", "ints", "intes", "ignent", "ignit")),
    ("eindre", "e", ("int", "inte", "ints", "intes", "ignent", "ignit")),
    ("oindre", "o", ("int", "inte", "ints", "intes", "ignent", "ignit")),
    ("tenir", "t", ("enu", "enue", "enus", "enues", "ient", "iennent", "int")),
    ("venir", "v", ("enu", "enue", "enus", "enues", "ient", "iennent", "int")),
    ("cevoir", "", ("çu", "çue", "çus", "çues", "çoit", "çoivent")),
    ("ouvrir", "ouv", ("ert", "erte", "erts", "ertes", "re", "rent", "rit")),
    ("offrir", "off", ("ert", "erte", "erts", "ertes", "re", "rent", "rit")),
    ("quérir", "qu", ("is", "ise", "ises", "iert", "ièrent", "it")),
    ("aître", "", ("u", "ue", "us", "ues", "aît", "aissent")),
    ("clure", "cl", ("u", "ue", "us", "ues", "ut", "uent")),
    ("soudre", "sol", ("u", "ue", "us", "ues",)),
    ("suivre", "suiv", ("i", "ie", "is", "ies", "it", "ent")),
    ("vivre", "v", ("écu", "écue", "écus")),
]


def _third_group(head: str) -> set[str]:
    for ending, stem_end, endings in THIRD_GROUP:
        if head.endswith(ending):
            stem = head[: -len(ending)] + stem_end
            return {stem + e for e in endings}
    return set()


def verb_forms(lemma: str, irregular: tuple[str, ...] = ()) -> set[str]:
    """Third-person and participle forms of a verb (plus those given for an irregular one)."""
    out: set[str] = {lemma}
    verb = reflexive_base(lemma) or lemma
    head, _, rest = verb.partition(" ")
    tail = f" {rest}" if rest else ""
    if irregular:
        out.update(f + ("" if f.endswith(tail) else tail) if tail else f for f in _irregular_forms(head, irregular))
    third = _third_group(head)
    if third and not irregular:
        out.update(f + tail for f in third)
    elif head.endswith("er"):
        stem = head[:-2]
        for end in ER_ENDINGS:
            form = stem + end
            if stem.endswith("g") and end[:1] in ("a", "o"):
                form = stem + "e" + end
            if stem.endswith("c") and end[:1] in ("a", "o"):
                form = stem[:-1] + "ç" + end
            out.add(form + tail)
    elif head.endswith("ir"):
        stem = head[:-2]
        out.update(stem + end + tail for end in IR_ENDINGS)
    return out
