"""A language is a folder of data; ``LanguageProfile`` is that folder loaded, given to every stage.

A folder holds ``profile.toml`` (code, name, spaCy model, morphology module), ``words.toml`` (word
classes: negations, pronouns, clitics, determiners, prepositions, governors, calendar, time words),
the lexicons (``events.tsv`` or ``events/*.tsv``, ``reporting.tsv``, ``roles.tsv``, ``leaders.tsv``,
``epithets.tsv``, ``named_after.tsv``, ``demonyms.tsv``, ``timewords.tsv``, ``time_rules.tsv``) and at
most a small module for what is truly code (inflection, conjugation). ``docs/languages.md`` says how
to add one. The profile's ``data_hash`` covers every file of the folder, so that the pipeline version
changes when a lexicon does.
"""

from __future__ import annotations

import hashlib
import importlib.util
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

from newsgraph.errors import ResourceError
from newsgraph.lang.lexicon import EventLexicon, RoleWord, parse_event_lexicon, parse_reporting, parse_roles
from newsgraph.tables import tsv_rows
from newsgraph.text import norm

LANG_DIR = Path(__file__).resolve().parent


def _fs(values: Any) -> frozenset[str]:
    return frozenset(values or ())


def _feats(pair: list[str]) -> tuple[str | None, str | None]:
    return (pair[0] or None, pair[1] or None)


@dataclass(frozen=True)
class Words:
    """The word classes of ``words.toml``, typed."""

    negation_adverbs: frozenset[str]
    negation_determiners: frozenset[str]
    privative: frozenset[str]
    subject_pronouns: dict[str, tuple[str | None, str | None]]
    plural_subject_pronouns: frozenset[str]
    relative_subject: frozenset[str]
    relative_after_preposition: frozenset[str]
    inverted_subject_link: str
    object_clitics: dict[str, tuple[str | None, str | None]]
    reflexive_clitics: frozenset[str]
    first_person_possessives: frozenset[str]
    definite: frozenset[str]
    articles: tuple[str, ...]
    demonym_determiners: frozenset[str]
    singular_definite: frozenset[str]
    demonym_plural_determiners: frozenset[str]
    feminine_determiners: frozenset[str]
    masculine_determiners: frozenset[str]
    plural_determiners: frozenset[str]
    demonstratives: frozenset[str]
    indefinite: frozenset[str]
    anaphoric_determiners: frozenset[str]
    latter: dict[str, tuple[str | None, str | None]]
    anaphor_nouns: dict[str, tuple[str, ...]]
    prep_aliases: dict[str, frozenset[str]]
    agent_preps: frozenset[str]
    dative_preps: frozenset[str]
    of_preps: frozenset[str]
    genitive_preps: frozenset[str]
    provenance_preps: frozenset[str]
    locative_preps: frozenset[str]
    place_country_preps: frozenset[str]
    place_preps: frozenset[str]
    proximity: frozenset[str]
    attribution_preps: frozenset[str]
    partner_preps: frozenset[str]
    about_preps: frozenset[str]
    attribution_split: dict[str, str]
    infinitive_marks: frozenset[str]
    conditional_marks: frozenset[str]
    complementizers: frozenset[str]
    have: str
    be: str
    near_future: str
    conditional_planned: str
    impersonal: frozenset[str]
    obligation: frozenset[str]
    be_auxiliary: frozenset[str]
    stative_participles: frozenset[str]
    responsibility: frozenset[str]
    conditional_endings: tuple[str, ...]
    future_endings: tuple[str, ...]
    hypothetical_governors: frozenset[str]
    planned_governors: frozenset[str]
    purpose_marks: frozenset[str]  # "manifester pour réclamer": the demand is the protest's aim, not an event of its own
    threat_governors: frozenset[str]
    verbal_or_physical: frozenset[str]  # "attaquer": criticism between speakers, a fight between armed sides  # announcing or being able to do a hostile act is threatening it
    object_control: frozenset[str]
    future_modifiers: frozenset[str]
    support_verbs: frozenset[str]
    role_adjectives: frozenset[str]
    heard_adjectives: frozenset[str]  # "des policiers présents sur les lieux": where a group was heard, not who it is
    led_by: frozenset[str]
    claim_content: frozenset[str]
    hazards: frozenset[str]
    casualties: frozenset[str]
    toll_verbs: frozenset[str]
    crowd_events: frozenset[str]
    non_state_peoples: frozenset[str]
    stop_verbs: frozenset[str]
    endorsing: frozenset[str]
    document_nouns: frozenset[str]
    issuing_verbs: frozenset[str]
    negative_evaluation: frozenset[str]
    evaluation_verbs: frozenset[str]
    origin_words: frozenset[str]
    sector_labels: dict[str, str]
    quote_marks: dict[str, str]
    paragraph_quote: str
    attribution_initial: frozenset[str]
    infinitive_kinds: frozenset[str]
    quoted_only_kinds: frozenset[str]
    title_words: frozenset[str]
    writer_subjects: frozenset[str]
    first_plural_endings: tuple[str, ...]
    digit_suffixes: frozenset[str]
    clitic_letters: str
    clitic_words: tuple[str, ...]
    credit_words: tuple[str, ...]
    credit_agencies: tuple[str, ...]
    elisions: tuple[str, ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    time: dict[str, Any]
    dateline: dict[str, str]

    @classmethod
    def from_toml(cls, d: dict[str, Any]) -> Words:
        pron, det, prep, verbs, gov = d["pronouns"], d["determiners"], d["prepositions"], d["verbs"], d["governors"]
        return cls(
            negation_adverbs=_fs(d["negation"]["adverbs"]), negation_determiners=_fs(d["negation"]["determiners"]),
            privative=_fs(d["negation"]["privative"]),
            subject_pronouns={k: _feats(v) for k, v in pron["subject"].items()},
            plural_subject_pronouns=_fs(pron["plural_subject"]), relative_subject=_fs(pron["relative_subject"]),
            relative_after_preposition=_fs(pron["relative_after_preposition"]),
            inverted_subject_link=pron["inverted_subject_link"],
            object_clitics={k: _feats(v) for k, v in d["clitics"]["object"].items()},
            reflexive_clitics=_fs(d["clitics"]["reflexive"]),
            first_person_possessives=_fs(d["possessives"]["first_person"]),
            definite=_fs(det["definite"]), articles=tuple(det["article"]), demonym_determiners=_fs(det["demonym"]), singular_definite=_fs(det["singular_definite"]),
            demonym_plural_determiners=_fs(det["demonym_plural"]), feminine_determiners=_fs(det["feminine"]),
            masculine_determiners=_fs(det["masculine"]), plural_determiners=_fs(det["plural"]),
            demonstratives=_fs(det["demonstrative"]), indefinite=_fs(det["indefinite"]), anaphoric_determiners=_fs(det["anaphoric"]),
            latter={k: _feats(v) for k, v in d["anaphora"]["latter"].items()},
            anaphor_nouns={k: tuple(v) for k, v in d["anaphora"]["nouns"].items()},
            prep_aliases={k: _fs(v) for k, v in prep["aliases"].items()}, agent_preps=_fs(prep["agent"]), dative_preps=_fs(prep["dative"]),
            of_preps=_fs(prep["of"]), genitive_preps=_fs(prep["genitive"]), provenance_preps=_fs(prep["provenance"]), locative_preps=_fs(prep["locative"]),
            place_country_preps=_fs(prep["place_country"]),
            place_preps=_fs(prep["place_country"]) | _fs(prep["place_city"]), proximity=_fs(prep["proximity"]),
            attribution_preps=_fs(prep["attribution"]), partner_preps=_fs(prep["partner"]), about_preps=_fs(prep.get("about", ())), attribution_split=dict(prep["attribution_split"]),
            infinitive_marks=_fs(prep["infinitive_marks"]),
            conditional_marks=_fs(d["conjunctions"]["conditional"]), complementizers=_fs(d["conjunctions"]["complementizer"]),
            have=verbs["have"], be=verbs["be"], near_future=verbs["near_future"], conditional_planned=verbs["conditional_planned"],
            impersonal=_fs(verbs["impersonal"]), obligation=_fs(verbs.get("obligation", ())), be_auxiliary=_fs(verbs.get("be_auxiliary", ())), stative_participles=_fs(verbs.get("stative_participles", ())), responsibility=_fs(verbs.get("responsibility", ())), conditional_endings=tuple(verbs["conditional_endings"]), future_endings=tuple(verbs.get("future_endings", ())),
            hypothetical_governors=_fs(gov["hypothetical"]), planned_governors=_fs(gov["planned"]),
            threat_governors=_fs(gov.get("threat", ())), purpose_marks=_fs(prep.get("purpose", ())), verbal_or_physical=_fs(gov.get("verbal_or_physical", ())),
            object_control=_fs(gov["object_control"]),
            future_modifiers=_fs(d["modifiers"]["future"]), support_verbs=_fs(d.get("support", {}).get("verbs", ())), role_adjectives=_fs(d["modifiers"]["role_adjectives"]),
            heard_adjectives=_fs(d["modifiers"].get("heard_adjectives", ())),
            led_by=_fs(d["modifiers"]["led_by"]),
            claim_content=_fs(d["nouns"]["claim_content"]), hazards=_fs(d["nouns"].get("hazards", ())), casualties=_fs(d["nouns"].get("casualties", ())), toll_verbs=_fs(gov.get("toll_verbs", ())), crowd_events=_fs(d["nouns"].get("crowd_events", ())), non_state_peoples=_fs(d["nouns"].get("non_state_peoples", ())), stop_verbs=_fs(gov.get("stop_verbs", ())), endorsing=_fs(gov.get("endorsing", ())), document_nouns=_fs(d["nouns"].get("document_nouns", ())), issuing_verbs=_fs(gov.get("issuing_verbs", ())), negative_evaluation=_fs(d["nouns"].get("negative_evaluation", ())), evaluation_verbs=_fs(gov.get("evaluation_verbs", ())), origin_words=_fs(d["modifiers"].get("origin", ())), sector_labels=dict(d["sectors"]["labels"]),
            quote_marks=dict(d["quotes"]["marks"]), paragraph_quote=d["quotes"]["paragraph_opener"],
            attribution_initial=_fs(d["quotes"]["attribution_initial"]), infinitive_kinds=_fs(d["quotes"]["infinitive_kinds"]),
            quoted_only_kinds=_fs(d["quotes"]["quoted_only_kinds"]), title_words=_fs(d["quotes"]["title_words"]), writer_subjects=_fs(d["quotes"]["writer_subjects"]),
            first_plural_endings=tuple(d["quotes"]["first_plural_endings"]),
            digit_suffixes=_fs(d["repair"]["digit_suffixes"]), clitic_letters=d["repair"]["clitic_letters"],
            clitic_words=tuple(d["repair"]["clitic_words"]), credit_words=tuple(d["repair"]["credit_words"]),
            credit_agencies=tuple(d["repair"]["credit_agencies"]), elisions=tuple(d["repair"].get("elisions", ())),
            months=dict(d["calendar"]["months"]), weekdays=dict(d["calendar"]["weekdays"]),
            time=dict(d["time"]), dateline=dict(d["dateline"]),
        )

    def vocabulary(self) -> frozenset[str]:
        """Every word these classes name (for the test that keeps the stages free of them): the words
        of the lists, the keys of the tables whose values are features or kinds, the names of sectors."""
        out: set[str] = set()
        keys_only = ("subject_pronouns", "object_clitics", "latter", "anaphor_nouns", "months", "weekdays")
        skipped = ("time", "dateline", "clitic_letters", "quote_marks", "paragraph_quote", "sector_labels", "infinitive_kinds", "quoted_only_kinds", "first_plural_endings",
                   "writer_subjects", *keys_only)  # kinds are labels; "on" and "je" are English too
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if name in skipped:
                continue
            if isinstance(value, str):
                out.add(value)
            elif isinstance(value, dict):
                for k, v in value.items():
                    out.add(k)
                    out.update([v] if isinstance(v, str) else v)
            else:
                out.update(value)
        for name in keys_only:
            out.update(getattr(self, name))
        out.update(self.sector_labels.values())
        return frozenset(w for w in out if w)


@dataclass(frozen=True)
class TimeWords:
    numbers: dict[str, str]
    units: dict[str, str]
    refs: dict[str, str]
    deictic: dict[str, int]
    parts: dict[str, str]
    tens: dict[str, str] = field(default_factory=dict)  # number words that take a unit after them ("vingt-quatre")
    clock_words: dict[str, str] = field(default_factory=dict)  # hours named by a word ("midi" 12)
    minutes: dict[str, str] = field(default_factory=dict)  # minutes named by a word ("quart" 15)
    clock_parts: dict[str, str] = field(default_factory=dict)  # what makes a clock time AM or PM ("du soir" PM)
    holidays: dict[str, str] = field(default_factory=dict)  # fixed-date holidays: MM-DD


@dataclass(frozen=True)
class TimeRule:
    kind: str
    ignore_case: bool
    template: str


@dataclass(frozen=True, eq=False)
class LanguageProfile:
    """One language, loaded from its folder. Frozen: stages read it, nobody changes it."""

    code: str
    name: str
    model: str
    model_version: str
    wordfreq: str
    folder: Path
    words: Words
    lexicon: EventLexicon
    reporting: dict[str, str]
    reporting_irregular: dict[str, tuple[str, ...]]
    roles: dict[str, RoleWord]
    leaders: dict[str, str]
    epithets: dict[str, tuple[str, str | None]]
    named_after: frozenset[str]
    demonyms: dict[str, tuple[str, ...]]
    time_words: TimeWords
    time_rules: tuple[TimeRule, ...]
    morphology: ModuleType = field(repr=False, compare=False)
    data_hash: str = ""
    description_prefixes: frozenset[str] = frozenset()
    verb_forms: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def inflections(self, adjective: str) -> list[str]:
        return list(self.morphology.inflections(adjective))

    def reflexive_base(self, lemma: str) -> str | None:
        return self.morphology.reflexive_base(lemma)

    def participle_infinitive(self, lemma: str) -> str | None:
        return self.morphology.participle_infinitive(lemma)

    def plural(self, noun: str) -> str:
        fn = getattr(self.morphology, "plural", None)
        return fn(noun) if fn is not None else noun

    @property
    def version(self) -> str:
        """What names this language's data in a pipeline version: code and a hash of the folder."""
        return f"{self.code}-{self.data_hash[:12]}"


def _read(folder: Path, name: str) -> str:
    path = folder / name
    try:
        return path.read_text("utf-8")
    except FileNotFoundError:
        raise ResourceError(f"language folder {folder}: {name} is missing") from None


def _hash(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(path.relative_to(folder)).encode("utf-8") + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


def _module(folder: Path, name: str, code: str) -> ModuleType:
    path = folder / name
    spec = importlib.util.spec_from_file_location(f"newsgraph_lang_{code}_{abs(hash(str(path)))}", path)
    if spec is None or spec.loader is None or not path.exists():
        raise ResourceError(f"language folder {folder}: morphology module {name} is missing")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for fn in ("inflections", "verb_forms", "reflexive_base", "participle_infinitive"):
        if not callable(getattr(module, fn, None)):
            raise ResourceError(f"language folder {folder}: {name} defines no function {fn}()")
    return module


def _table(folder: Path, name: str, min_cols: int) -> list[list[str]]:
    return [cols for _, cols in tsv_rows(_read(folder, name), f"{folder.name}/{name}", min_cols)]


def _event_files(folder: Path) -> list[tuple[str, str]]:
    files = sorted((folder / "events").glob("*.tsv")) if (folder / "events").is_dir() else []
    if (folder / "events.tsv").exists():
        files.insert(0, folder / "events.tsv")
    if not files:
        raise ResourceError(f"language folder {folder}: no events.tsv and no events/*.tsv")
    return [(f"{folder.name}/{p.relative_to(folder)}", p.read_text("utf-8")) for p in files]


def load_profile(folder: str | Path) -> LanguageProfile:
    """Load the language folder at ``folder`` (a path, or the code of a shipped language)."""
    folder = Path(folder)
    if not folder.is_dir() and (LANG_DIR / str(folder)).is_dir():
        folder = LANG_DIR / str(folder)
    if not (folder / "profile.toml").exists():
        raise ResourceError(f"{folder}: not a language folder (no profile.toml)")
    try:
        meta = tomllib.loads(_read(folder, "profile.toml"))
        words = Words.from_toml(tomllib.loads(_read(folder, "words.toml")))
    except tomllib.TOMLDecodeError as exc:
        raise ResourceError(f"language folder {folder}: malformed TOML: {exc}") from None
    except KeyError as exc:
        raise ResourceError(f"language folder {folder}: words.toml has no entry {exc}") from None
    code = meta.get("code") or folder.name
    morphology = _module(folder, meta.get("morphology", "morphology.py"), code)
    lexicon = parse_event_lexicon(_event_files(folder), morphology.reflexive_base)
    reporting, irregular = parse_reporting(_read(folder, "reporting.tsv"), f"{folder.name}/reporting.tsv")
    roles = parse_roles(_read(folder, "roles.tsv"), f"{folder.name}/roles.tsv")
    epithets = {norm(r[0]): (r[1], (r[2] if len(r) > 2 and r[2] else None)) for r in _table(folder, "epithets.tsv", 2)}
    tw: dict[str, dict[str, str]] = {"number": {}, "unit": {}, "ref": {}, "deictic": {}, "part": {}}
    for kind, word, value in (r[:3] for r in _table(folder, "timewords.tsv", 3)):
        tw.setdefault(kind, {})[word] = value
    time_words = TimeWords(tw["number"], tw["unit"], tw["ref"], {k: int(v) for k, v in tw["deictic"].items()}, tw["part"],
                           tw.get("tens", {}), tw.get("clockword", {}), tw.get("minute", {}), tw.get("clockpart", {}),
                           tw.get("holiday", {}))
    rules = tuple(TimeRule(r[0], "i" in r[1], r[2]) for r in _table(folder, "time_rules.tsv", 3))
    prefixes: set[str] = set()
    for phrase in [*roles, *epithets]:
        ws = phrase.split(" ")
        prefixes.update(" ".join(ws[:n]) for n in range(1, len(ws) + 1))
    profile = LanguageProfile(
        code=code, name=meta.get("name", code), model=meta["model"], model_version=meta.get("model_version", ""),
        wordfreq=meta.get("wordfreq", code), folder=folder, words=words, lexicon=lexicon, reporting=reporting,
        reporting_irregular=irregular, roles=roles,
        leaders={r[0]: r[1] for r in _table(folder, "leaders.tsv", 2)}, epithets=epithets,
        named_after=frozenset(r[0].lower() for r in _table(folder, "named_after.tsv", 1)),
        demonyms={r[0]: tuple(a.strip() for a in r[1].split("|") if a.strip()) for r in _table(folder, "demonyms.tsv", 2)},
        time_words=time_words, time_rules=rules, morphology=morphology, data_hash=_hash(folder),
        description_prefixes=frozenset(prefixes),
    )
    profile.verb_forms.update(_verb_forms(profile))
    return profile


def _verb_forms(profile: LanguageProfile) -> dict[str, str]:
    """Surface form -> lemma for the verbs of the event lexicon and the reporting verbs (first wins)."""
    out: dict[str, str] = {}
    for entry in profile.lexicon.entries:
        if entry.pos in ("V", "P"):
            lemma = profile.reflexive_base(entry.lemma) or entry.lemma
            for f in profile.morphology.verb_forms(lemma):
                out.setdefault(f, lemma)
    for lemma in profile.reporting:
        for f in profile.morphology.verb_forms(lemma, profile.reporting_irregular.get(lemma, ())):
            out.setdefault(f, lemma)
    return out


def available() -> list[str]:
    """Codes of the languages shipped in the package (folders with a profile.toml)."""
    return sorted(p.parent.name for p in LANG_DIR.glob("*/profile.toml"))


@lru_cache(maxsize=8)
def get_profile(language: str = "fr") -> LanguageProfile:
    """The shipped language ``language`` (a code), or the folder at that path; loaded once per process."""
    return load_profile(language)


def vocabulary(profile: LanguageProfile) -> frozenset[str]:
    """Every single word the profile's data names (word classes, lexicons, time words), lowercase."""
    words: set[str] = set()
    for w in profile.words.vocabulary():
        words.update(w.lower().split())
    for entry in profile.lexicon.entries:
        words.update(entry.lemma.replace("+", " ").lower().split())
    words.update(w for v in profile.reporting for w in v.split())
    words.update(profile.words.months)
    words.update(profile.words.weekdays)
    tw = profile.time_words
    for table in (tw.numbers, tw.units, tw.refs, tw.deictic, tw.parts, tw.tens, tw.clock_words, tw.minutes, tw.clock_parts,
                  tw.holidays):
        words.update(w for k in table for w in k.lower().split())
    words.update(profile.named_after)
    return frozenset(words)
