"""Text repair: Unicode fixes, words glued by scraping, photo credits and stray tags.

Every change is recorded as a ``Repair`` whose offsets are in the repaired text; spans that no stage
should read as content (photo credits, tags) are recorded as ``NonText``. Typographic apostrophes are
kept in the text: ``matching_text`` gives a same-length copy with plain apostrophes for the stages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import ftfy

from newsgraph.model import NonText, Repair
from newsgraph.text import ENGLISH

if TYPE_CHECKING:
    from newsgraph.lang.profile import LanguageProfile

LOWER = "a-zà-öø-ÿœæ"
UPPER = "A-ZÀ-ÖØ-ÞŒÆ"
LETTER = LOWER + UPPER

# digit+word: "2019quelques". Ordinal and unit suffixes (the profile's digit_suffixes) never split.
_DIGIT_WORD = re.compile(rf"(?<![\w.,])(\d+)([{LOWER}]{{2,}})\b")
# word+Capitalised word: "famineLa". Whole-token brands (JavaScript, LinkedIn) stay.
_CAMEL = re.compile(rf"(?<![\w'’])([{LETTER}]*[{LOWER}])([{UPPER}][{LOWER}]+)\b")
# missing space after a full stop: "main.YURI".
_STOP = re.compile(rf"(?<![\w@/.])([{LETTER}]*[{LOWER}]{{2}})\.([{UPPER}][{LETTER}]+)")
# Photo credit: a run of capitalised words at the end of a line, after a sentence end.
_CREDIT = re.compile(rf"(?<=[.!?»”\"])[ \t]*((?:[{UPPER}][{UPPER}'’\-]+[ \t]+){{1,4}}[{UPPER}][{UPPER}'’\-/]+)[ \t]*$", re.M)
# Stray tag: a line made of one short code such as "fr-01".
_TAG_LINE = re.compile(r"^[ \t]*([A-Za-z]{1,4}[-_]\d{1,4}|\d{1,4}[-_][A-Za-z]{1,4})[ \t]*$", re.M)


@lru_cache(maxsize=50_000)
def zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


class Rules:
    """The language-dependent parts of repair, built once per profile: the word list to ask, the
    suffixes that never split from a number, the elided clitics, and the words of a photo credit."""

    def __init__(self, profile: LanguageProfile) -> None:
        w = profile.words
        self.lang = profile.wordfreq
        self.digit_suffixes = w.digit_suffixes
        clitics = "|".join([f"[{re.escape(w.clitic_letters)}]", *(re.escape(c) for c in w.clitic_words)])
        # word+elided clitic: "NamJ’ai", "contrel'armée"
        self.clitic = re.compile(rf"(?<![\w'’])([{LETTER}]*[{LOWER}])({clitics})(['’])([{LETTER}]+)")
        words = "|".join(re.escape(c) for c in w.credit_words)
        agencies = "|".join(re.escape(a) for a in w.credit_agencies)
        self.credit_line = re.compile(rf"^[ \t]*(?:(?:{words}|©)\b[^\n]{{0,80}}|\((?:{re.escape(w.credit_words[0])}[^)]*|{agencies})\))[ \t]*$",
                                      re.M | re.I)

    def zipf(self, word: str) -> float:
        return zipf(word, self.lang)

    def is_known(self, word: str, threshold: float = 3.0) -> bool:
        return zipf(word.lower(), self.lang) >= threshold


@lru_cache(maxsize=4)
def rules(profile: LanguageProfile) -> Rules:
    return Rules(profile)


def _rules(profile: LanguageProfile | None) -> Rules:
    if profile is None:
        from newsgraph.config import get_settings
        from newsgraph.lang.profile import get_profile

        profile = get_profile(get_settings().language)
    return rules(profile)


@dataclass(frozen=True, slots=True)
class Repaired:
    text: str
    repairs: tuple[Repair, ...]
    non_text: tuple[NonText, ...]


def _split_digit_word(r: Rules, m: re.Match[str]) -> int | None:
    word = m.group(2)
    if word.lower() in r.digit_suffixes:
        return None
    return m.start(2) if r.is_known(word, 3.0 if len(word) > 2 else 5.5) else None


def _split_camel(r: Rules, m: re.Match[str]) -> int | None:
    left, right = m.group(1), m.group(2)
    whole = (left + right).lower()
    if len(left) < 2 or r.zipf(whole) >= 1.5 or zipf(whole, ENGLISH) >= 2.0:
        return None  # a known whole word: JavaScript, LinkedIn, PlayStation
    if left[0].islower() and len(left) < 3:
        return None  # iPhone, eBay
    lw = left.lower()
    if r.zipf(lw) < 3.0 or zipf(lw, ENGLISH) > r.zipf(lw) + 1.0:
        return None  # left half not a word of the language (Mc, Move)
    if r.is_known(right, 3.0):
        return m.start(2)
    # a lowercase word glued to a name: "chanteurMichel", "opérationSentinelle"
    if left.islower() and len(left) >= 4 and r.zipf(lw) >= 3.5 and len(right) >= 3:
        return m.start(2)
    return None


def _split_clitic(r: Rules, m: re.Match[str]) -> int | None:
    left, clitic, word = m.group(1), m.group(2), m.group(4)
    if clitic[0].isupper():
        # an elided clitic never starts with a capital inside a word: "NamJ’ai"
        return m.start(2) if r.is_known(clitic.lower() + "'" + word, 2.0) or r.is_known(word, 2.5) else None
    joined = (left + clitic).lower()
    if r.zipf(joined) >= 2.0 or not r.is_known(left, 3.0) or not r.is_known(word, 2.5):
        return None  # lorsqu'il, aujourd'hui, presqu'île
    if r.zipf(left.lower()) < r.zipf(joined) + 1.5:
        return None
    return m.start(2)


def _split_stop(r: Rules, m: re.Match[str]) -> int | None:
    left, right = m.group(1), m.group(2)
    if not (r.is_known(left, 2.5) or r.is_known(right, 3.0) or right.isupper()):
        return None
    return m.end(1) + 1


def glued_word_splits(text: str, profile: LanguageProfile | None = None) -> list[int]:
    """Offsets in ``text`` where a space must be inserted."""
    r = _rules(profile)
    points: set[int] = set()
    splitters = ((_DIGIT_WORD, _split_digit_word), (_CAMEL, _split_camel), (r.clitic, _split_clitic), (_STOP, _split_stop))
    for pattern, decide in splitters:
        for m in pattern.finditer(text):
            at = decide(r, m)
            if at is not None and 0 < at < len(text) and not text[at - 1].isspace():
                points.add(at)
    return sorted(points)


def _token_around(text: str, at: int) -> tuple[int, int]:
    start = at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = at
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _fix_unicode(text: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """ftfy per line; returns the text and (start, end, before, after) of changed lines in the new text."""
    out: list[str] = []
    changes: list[tuple[int, int, str, str]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        ending = "\n" if line.endswith(("\n", "\r")) else ""
        fixed = ftfy.fix_text(
            body, normalization="NFC", unescape_html=False, fix_line_breaks=False, uncurl_quotes=False
        )
        fixed = "".join(c for c in fixed if unicodedata.category(c) not in ("Cc", "Cs") or c in "\t")
        if fixed != body:
            changes.append((pos, pos + len(fixed), body, fixed))
        out.append(fixed + ending)
        pos += len(fixed) + len(ending)
    return "".join(out), changes


def repair_text(raw: str, profile: LanguageProfile | None = None) -> Repaired:
    """Repair a raw text; offsets of the result are the document's offsets."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text, unicode_changes = _fix_unicode(text)
    repairs: list[Repair] = []
    splits = glued_word_splits(text, profile)
    if splits:
        pieces: list[str] = []
        last = 0
        shift = 0
        shifted_unicode = []
        for at in splits:
            tok_start, tok_end = _token_around(text, at)
            pieces.append(text[last:at])
            pieces.append(" ")
            before = text[tok_start:tok_end]
            after = text[tok_start:at] + " " + text[at:tok_end]
            repairs.append(Repair(tok_start + shift, tok_end + shift + 1, "glued-words", before, after))
            last = at
            shift += 1
        pieces.append(text[last:])
        text = "".join(pieces)
        # adjacent splits in one token: keep offsets consistent by recomputing 'after' from the text
        repairs = [Repair(r.start, r.end, r.kind, r.before, text[r.start:r.end]) for r in repairs]
        for s, e, b, a in unicode_changes:
            before_count = sum(1 for at in splits if at <= s)
            inside = sum(1 for at in splits if s < at <= e)
            shifted_unicode.append((s + before_count, e + before_count + inside, b, text[s + before_count:e + before_count + inside]))
        unicode_changes = shifted_unicode
    repairs = [Repair(s, e, "unicode", b, a) for s, e, b, a in unicode_changes] + repairs
    repairs.sort(key=lambda r: (r.start, r.kind))
    return Repaired(text, tuple(repairs), tuple(find_non_text(text, profile)))


def find_non_text(text: str, profile: LanguageProfile | None = None) -> list[NonText]:
    found: list[NonText] = []
    for m in _CREDIT.finditer(text):
        words = m.group(1).split()
        letters = sum(len(w) for w in words)
        if letters >= 6 and not all(len(w) <= 4 for w in words):
            found.append(NonText(m.start(1), m.end(1), "photo-credit"))
    for m in _rules(profile).credit_line.finditer(text):
        found.append(NonText(m.start(), m.end(), "photo-credit"))
    for m in _TAG_LINE.finditer(text):
        found.append(NonText(m.start(1), m.end(1), "tag"))
    found.sort(key=lambda n: n.start)
    return found


def matching_text(text: str, non_text: tuple[NonText, ...] | list[NonText] = ()) -> str:
    """A same-length copy for the NLP stages: plain apostrophes, non-text blanked out."""
    out = text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ").replace("\u202f", " ")
    if non_text:
        chars = list(out)
        for n in non_text:
            for i in range(n.start, n.end):
                if chars[i] != "\n":
                    chars[i] = " "
        out = "".join(chars)
    return out
