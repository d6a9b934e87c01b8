#!/usr/bin/env python3
"""Convert the Phoenix (PETRARCH-2) actor dictionaries into newsgraph-style actor tables.

    python3 build_phoenix.py --petrarch DIR --out DIR

DIR (--petrarch) holds Phoenix.Countries.actors.txt, Phoenix.International.actors.txt and
Phoenix.MilNonState.actors.txt (Open Event Data Alliance, MIT licence). Writes to --out:

  phoenix_people.tsv   key, name (French usage), aliases (|), codes (;), country (ISO3)
  phoenix_orgs.tsv     key, name (French where usual), aliases (|), code, kind (organization|group)
  dropped_aliases.tsv  single-word aliases dropped as common French/English words (for review)
  build_report.txt     counts, date repairs, rule test on the hand table

Hand-written inputs, beside this script (or given with --french / --french-orgs / --stoplist):
  french_names.tsv     Phoenix primary name -> French display name, extra French aliases
  french_orgs.tsv      Phoenix primary name -> French name, extra aliases, kind override
  stoplist.txt         common French and English words that must not be single-word aliases

Standard library only (Python 3.11).
"""
from __future__ import annotations

import argparse
import calendar
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

FILES = (
    ("Phoenix.Countries.actors.txt", "countries"),
    ("Phoenix.International.actors.txt", "international"),
    ("Phoenix.MilNonState.actors.txt", "milnonstate"),
)
CUTOFF = date(1945, 1, 1)

# ISO 3166-1 alpha-3 codes (as in newsgraph's countries.tsv), plus historical ISO 3166-3 codes CAMEO uses.
ISO3 = set("""
ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS
BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV
CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM
GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN
IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE
LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS
MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK
PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR
SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY
USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE KSV
SUN YUG DDR CSK SCG
""".split())
CAMEO_TO_ISO3 = {"TMP": "TLS", "ROM": "ROU", "ZAR": "COD", "BUR": "MMR", "ANG": "AGO"}

# Known typos in the source dates (raw digits -> YYYYMMDD), checked against the office holder.
DATE_FIXES = {
    "9008223": "19900823",     # ARM, 1990-08-23
    "2004017": "20040117",     # Ban Ki-moon, foreign minister from 2004-01-17
    "201005011": "20100511",   # David Cameron, prime minister from 2010-05-11
    "1920030320": "20030320",  # IRQOCC from 2003-03-20
    "1920050709": "20050709",  # SDN autonomy from 2005-07-09
    "999999999": "",
}

# --------------------------------------------------------------------------- reading

CODE_RE = re.compile(r"\[([^\]]*)\]")
# CAMEO role/sector codes: a six-letter code whose second triple is not one of these names a place (PSEGZA).
ROLE_CODES = set("""
GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL LAB LEG HLH REF AGR ENV HRI IGO NGO ELI REL DEV UAF INS
SEP RAD MOD IMG NGM MNC OCC UNR CHR MUS JEW BUD HIN SHI SUN SUF CTH PRO ORT ALQ MOS IRC AMN TAM KUR BAL
""".split())


@dataclass
class Block:
    source: str
    line: int
    names: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    groups: list[list[str]] = field(default_factory=list)  # each primary line with its synonyms


def _add_names(block: Block, text: str, primary: bool = False) -> None:
    if primary or not block.groups:
        block.groups.append([])
    for part in text.split("+"):
        part = part.strip().strip("\t ")
        if part and "\ufffd" not in part:
            block.names.append(part)
            block.groups[-1].append(part)


def read_blocks(path: Path, source: str) -> list[Block]:
    """Read a TABARI/PETRARCH actor file. As in PETRARCH's reader, consecutive primary lines
    without codes share the codes that follow them (e.g. BORIS_YELTSIN_ / BORIS_N._YELTSIN)."""
    blocks: list[Block] = []
    cur: Block | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = raw.rstrip()
        if not line.strip() or line.startswith("#") or line.startswith("<!"):
            continue
        comment = ""
        if "#" in line:
            i = line.index("#")
            line, comment = line[:i], line[i + 1:].strip()
            if not line.strip():
                continue
        codes = [c.strip() for c in CODE_RE.findall(line)]
        text = CODE_RE.sub(" ", line)
        if line[0] in "\t ":                      # date restrictions (sometimes with a stray name)
            if cur is None:
                continue
            if re.search(r"[A-Za-z]{2}", text):
                _add_names(cur, text.replace("\t", " "))
        elif line[0] == "+":                      # synonym
            if cur is None:
                continue
            _add_names(cur, text[1:].replace("\t", " "))
        else:                                     # primary phrase
            if cur is None or cur.codes:
                cur = Block(source, n)
                blocks.append(cur)
            _add_names(cur, text.replace("\t", " "), primary=True)
        cur.codes.extend(codes)
        if comment:
            cur.comments.append(comment)
    return [b for b in blocks if b.names]


# --------------------------------------------------------------------------- codes and dates

@dataclass(frozen=True)
class Code:
    code: str
    start: date | None
    end: date | None
    dated: bool

    def fmt(self) -> str:
        return f"{self.code}:{self.start.isoformat() if self.start else ''}:{self.end.isoformat() if self.end else ''}"


class Log:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, msg: str) -> None:
        self.lines.append(msg)


LOG = Log()


def parse_date(digits: str, where: str) -> date | None:
    """YYMMDD (00-30 -> 20YY, 31-99 -> 19YY, as in PETRARCH: the files hold two-digit years 00-14
    and 31-99, the latter being birth or entry dates such as Mitterrand's 340101) or YYYYMMDD."""
    if digits in DATE_FIXES:
        fixed = DATE_FIXES[digits]
        LOG(f"date {digits} -> {fixed or 'dropped'} ({where})")
        digits = fixed
        if not digits:
            return None
    if len(digits) == 6:
        yy = int(digits[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(digits[2:4]), int(digits[4:6])
    elif len(digits) == 8:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    else:
        LOG(f"unreadable date {digits!r} dropped ({where})")
        return None
    if not 1 <= month <= 12:
        LOG(f"bad month in {digits!r}, date dropped ({where})")
        return None
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        LOG(f"day out of range in {digits!r}, set to {min(max(day, 1), last)} ({where})")
        day = min(max(day, 1), last)
    return date(year, month, day)


def parse_code(raw: str, where: str) -> Code | None:
    raw = raw.strip()
    if not raw or raw.startswith("-"):
        return None                                   # [---]: explicit null code
    m = re.match(r"([A-Za-z0-9]+)\s*(.*)$", raw)
    if not m:
        return None
    code, rest = m.group(1).upper(), m.group(2).strip()
    if not re.fullmatch(r"[A-Z]{3}[A-Z0-9]*", code):
        LOG(f"odd code {raw!r} dropped ({where})")
        return None
    if re.search(r"\d", code):                        # CAMEO religious sub-codes such as CHRPRO214
        code = re.sub(r"\d+", "", code)
    if len(code) % 3:                                  # CAMEO codes are groups of three letters
        LOG(f"code {code} cut to {code[: len(code) // 3 * 3]} ({where})")
        code = code[: len(code) // 3 * 3]
    if code[:3] in CAMEO_TO_ISO3:                      # the contract's country codes are ISO 3166 alpha-3
        code = CAMEO_TO_ISO3[code[:3]] + code[3:]
    if not rest:
        return Code(code, None, None, False)
    nums = re.findall(r"\d+", rest)
    if rest.startswith(">") and nums:
        return Code(code, parse_date(nums[0], where), None, True)
    if rest.startswith("<") and nums:
        return Code(code, None, parse_date(nums[0], where), True)
    if "-" in rest and len(nums) == 2:
        a, b = parse_date(nums[0], where), parse_date(nums[1], where)
        if a and b and b < a:
            LOG(f"interval {rest} ends before it starts; end kept, start dropped ({where})")
            a = None
        return Code(code, a, b, True)
    if len(nums) == 1:                                 # a bare date: read as a start ("since")
        LOG(f"bare date in [{raw}] read as a start date ({where})")
        return Code(code, parse_date(nums[0], where), None, True)
    LOG(f"unreadable restriction [{raw}] dropped ({where})")
    return None


def block_codes(b: Block) -> list[Code]:
    out: list[Code] = []
    for raw in b.codes:
        c = parse_code(raw, f"{b.source}:{b.line}")
        if c and c not in out:
            out.append(c)
    return out


def country_of(codes: list[Code]) -> str:
    counts: Counter[str] = Counter()
    for i, c in enumerate(codes):
        p = CAMEO_TO_ISO3.get(c.code[:3], c.code[:3])
        if p in ISO3:
            counts[p] += 2 if c.dated and "GOV" in c.code else 1
    if not counts:
        return ""
    best = max(counts.values())
    for c in codes:
        p = CAMEO_TO_ISO3.get(c.code[:3], c.code[:3])
        if counts.get(p) == best:
            return p
    return ""


# --------------------------------------------------------------------------- names

TITLES = set("""
PRESIDENT PRESIDENTS PRESIDENT-ELECT VICE-PRESIDENT VICE PRIME MINISTER MINISTERS PREMIER SECRETARY
SECRETARY-GENERAL SECRETARY_GENERAL SEC. SECY GEN. GENERAL GENERAL-SECRETARY UNDERSECRETARY UNDER-SECRETARY
DEPUTY ASSISTANT ACTING INTERIM FORMER EX EX- LATE OUSTED DEPOSED EXILED JAILED SLAIN ASSASSINATED
FOREIGN DEFENSE DEFENCE INTERIOR FINANCE JUSTICE TRADE ECONOMY STATE CABINET
KING QUEEN PRINCE PRINCESS CROWN EMIR AMIR_ SHEIKH SHEIK SHAIKH SHAYKH AYATOLLAH AYATOLLA GRAND HOJATOLISLAM
HOJJATOLESLAM HOJATOLESLAM HOJATOLESLAM MULLAH MULLA IMAM CLERIC
MR MR. MRS MRS. MS MS. DR DR. SIR LORD LADY BARON BARONESS DAME REV REV. REVEREND POPE CARDINAL ARCHBISHOP
BISHOP PATRIARCH
SENATOR SEN. SEN REP. CONGRESSMAN CONGRESSWOMAN GOVERNOR GOV. MAYOR AMBASSADOR ENVOY SPEAKER CHAIRMAN
CHAIRWOMAN CHAIRPERSON CHAIR CHANCELLOR LEADER LEADERS CHIEF HEAD COMMANDER MARSHAL FIELD ADMIRAL ADM.
BRIGADIER BRIGADIER-GENERAL MAJOR-GENERAL LIEUTENANT LIEUTENANT-GENERAL LT. LT LT.-GEN. GEN COL. COL COLONEL
CAPTAIN CAPT. SERGEANT GENERALISSIMO DICTATOR STRONGMAN RULER MONARCH SULTANATE
HIS HER MAJESTY HIGHNESS EXCELLENCY ROYAL SUPREME SPIRITUAL RELIGIOUS DATUK DATO SERI TUN TAN SRI
OPPOSITION REBEL PARTY COMMUNIST SOCIALIST LABOUR LABOR CONSERVATIVE LIBERAL DEMOCRATIC REPUBLICAN
SPOKESMAN SPOKESWOMAN OFFICIAL DIPLOMAT NEGOTIATOR MILITANT WARLORD
UN U.N. UNITED NATIONS NATO EU E.U. US U.S. U.S.A. UK U.K. WORLD BANK IMF
OF THE FOR AND TO IN A AN ,
""".split()) - {"AMIR_"}
CONNECT = {"OF", "THE", "FOR", "AND", "TO", "IN", "A", "AN", ","}
# Role words: an organisation name holding one of these names an office, which newsgraph resolves itself.
ROLE_WORDS = set("""
PRESIDENT PRIME MINISTER PREMIER SECRETARY SECRETARY-GENERAL CHANCELLOR KING QUEEN EMIR SPOKESMAN
AMBASSADOR ENVOY REPRESENTATIVE DIRECTOR CHIEF LEADER CHAIRMAN COMMANDER HEAD GOVERNOR MAYOR
""".split())
PARTICLES = {"DE", "DA", "DI", "DO", "DOS", "DAS", "DEL", "DELLA", "DELLE", "DER", "DEN", "VAN", "VON", "Y",
             "BIN", "BINT", "IBN", "AL", "EL", "ZU", "TER", "TEN", "DU", "DES"}
ROYAL_AL = {"SAUD", "SABAH", "KHALIFA", "THANI", "NAHYAN", "NAHAYAN", "MAKTOUM", "QASIMI", "NUAIMI",
            "SHARQI", "MUALLA", "BU", "SAID", "ATTIYAH"}
ROMAN = {"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XXIII"}
ARABIC_PREFIXES = {"AL", "EL", "AD", "AN", "AR", "AS", "ASH", "AT", "AZ", "ATH", "ADH"}


def tokens_of(name: str) -> list[str]:
    name = name.replace("_", " ").replace("\t", " ")
    name = re.sub(r"\s*,\s*", " , ", name)
    name = re.sub(r"\(([^)]*)\)", " ", name)       # parenthesised acronyms in group names
    toks = [t.strip(" .'\"").upper() if t.endswith("'") else t.strip(" \"").lstrip("'`").upper() for t in name.split()]
    return [t for t in toks if t and t not in {"-", "/"}]


def strip_titles(toks: list[str], geo: set[str]) -> list[str]:
    """Remove a leading title phrase: tokens that are titles, connectors or country/city words,
    ending on a title word, with at least one token left ("RUSSIAN PRESIDENT VLADIMIR V. PUTIN",
    "MOSCOW PARTY CHIEF BORIS N. YELTSIN", "PRESIDENT OF THE RUSSIAN FEDERATED REPUBLIC , BORIS...")."""
    if "," in toks:
        i = len(toks) - 1 - toks[::-1].index(",")
        before, after = toks[:i], toks[i + 1:]
        if any(t in TITLES for t in before) and after:
            toks = after
        else:
            return []
    while True:
        cut = 0
        for i, t in enumerate(toks[:-1]):
            if t in TITLES:
                cut = i + 1
            elif t in geo or t.rstrip("S") in geo:
                continue
            else:
                break
        if cut == 0:
            return toks
        toks = toks[cut:]


def cap_word(w: str, first: bool, korean: bool) -> str:
    if w in ROMAN:
        return w
    if re.fullmatch(r"([A-Z]\.)+", w):
        return w                                        # initials: F.W.
    if w in {"JR", "JR.", "SR", "SR."}:
        return w.capitalize() if w.endswith(".") else w.capitalize() + "."
    if not first and w in PARTICLES:
        return w.lower()
    if "-" in w:
        parts = w.split("-")
        out = []
        for j, p in enumerate(parts):
            if not p:
                out.append(p)
            elif j == 0 and p in ARABIC_PREFIXES and len(parts) > 1:
                out.append(p.lower() if not first else p.capitalize())
            elif j > 0 and korean:
                out.append(p.lower())
            else:
                out.append(cap_word(p, True, korean))
        return "-".join(out)
    if "'" in w and len(w) > 2:
        a, b = w.split("'", 1)
        if a in {"O"}:
            return "O'" + cap_word(b, True, korean)
        if a in {"D", "L"}:
            return (a.lower() if not first else a) + "'" + cap_word(b, True, korean)
        return a.capitalize() + "'" + b.lower()
    if w.startswith("MC") and len(w) > 3:
        return "Mc" + w[2:].capitalize()
    return w.capitalize()


def capitalise(toks: list[str], country: str = "") -> str:
    korean = country in {"KOR", "PRK"}
    out = []
    for i, t in enumerate(toks):
        if t == "AL" and i + 1 < len(toks) and toks[i + 1] in ROYAL_AL:
            out.append("Al")
        elif len(t) == 1 and t.isalpha() and i < len(toks) - 1:
            out.append(t + ".")                          # VLADIMIR V PUTIN -> Vladimir V. Putin
        else:
            out.append(cap_word(t, i == 0, korean))
    return " ".join(out)


def norm(text: str) -> str:
    """newsgraph's matching key: no accents, lowercase, punctuation as spaces."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).replace("œ", "oe").replace("æ", "ae")
    return re.sub(r"[\W_]+", " ", t.lower()).strip()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", norm(text)).strip("-")


# --------------------------------------------------------------------------- French variants by rule

SLAVIC = {"RUS", "SUN", "UKR", "BLR", "KAZ", "UZB", "TKM", "KGZ", "TJK", "MDA", "AZE", "ARM", "GEO"}
ARABIC = {"DZA", "BHR", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR", "OMN", "PSE",
          "QAT", "SAU", "SDN", "SYR", "TUN", "ARE", "YEM", "ESH"}


RU_GIVEN = {  # English-style -> French-style spelling of common Russian given names
    "aleksandr": "Alexandre", "alexander": "Alexandre", "aleksey": "Alexeï", "aleksei": "Alexeï", "alexei": "Alexeï",
    "alexey": "Alexeï", "yevgeny": "Evgueni", "yevgeniy": "Evgueni", "evgeny": "Evgueni", "yury": "Iouri",
    "yuri": "Iouri", "yuriy": "Iouri", "georgy": "Guéorgui", "georgiy": "Guéorgui", "gennady": "Guennadi",
    "gennadiy": "Guennadi", "pyotr": "Piotr", "fyodor": "Fiodor", "ilya": "Ilia", "vasily": "Vassili",
    "vasiliy": "Vassili", "eduard": "Edouard", "tatyana": "Tatiana", "natalya": "Natalia", "yulia": "Ioulia",
    "yuliya": "Ioulia", "yegor": "Egor", "semyon": "Semion", "matvey": "Matveï", "arkady": "Arkadi",
}


def russian_fr(name: str) -> str:
    """English-style romanisation of a Russian (Slavic) name -> French-style romanisation: sh->ch,
    ch->tch, shch->chtch, zh->j, u->ou, intervocalic s->ss, g->gu before e/i, ye-/yu-/ya- -> e-/iou-/ia-,
    final -ey/-ay/-oy -> -eï/-aï/-oï, -sky -> -ski, -iy -> -i, a given name's final -y -> -i, and a
    surname's final -in/-yn -> -ine (Putin -> Poutine, Yeltsin -> Eltsine)."""
    words = name.split(" ")
    out = []
    for wi, w in enumerate(words):
        if len(w) <= 2 and w.endswith("."):
            out.append(w)
            continue
        low = w.lower()
        if wi == 0 and low in RU_GIVEN:
            out.append(RU_GIVEN[low])
            continue
        last = wi == len(words) - 1
        s = low
        s = re.sub(r"(sk|tsk|ck|zk)(y|iy|ii|yi|ij)$", r"\1i", s)      # -sky -> -ski
        s = re.sub(r"(iy|yy|ij)$", "i", s)                               # -iy -> -i
        s = re.sub(r"(?<=[aeou])y$", "ï", s)                             # Nikolay, Sergey -> -aï, -eï
        s = re.sub(r"(?<=[aeou])i$", "ï", s)                             # Nikolai, Sergei, Andrei
        if wi == 0 and len(words) > 1:
            s = re.sub(r"(?<=[^aeiou])y$", "i", s)                       # Dmitry, Vitaly -> -i
        s = re.sub(r"^ye", "e", s)                                       # Yeltsin -> Eltsin
        s = re.sub(r"^yu", "iou", s)
        s = re.sub(r"^ya", "ia", s)
        s = re.sub(r"^yo", "io", s)
        s = re.sub(r"iy(?=[aeou])", "i", s)                              # Kiriyenko, Niyazov
        s = re.sub(r"(?<=[aeo])y(?=[aeu])", "ï", s)                      # Otunbayeva -> Otounbaïeva
        s = re.sub(r"(?<=[^aeiou])ye", "ie", s)
        s = s.replace("yu", "iou").replace("ya", "ia").replace("yo", "io")
        s = s.replace("shch", "\x01").replace("ch", "\x02").replace("sh", "\x03").replace("zh", "j")
        s = re.sub(r"(?<![o])u", "ou", s)
        s = s.replace("\x01", "chtch").replace("\x02", "tch").replace("\x03", "ch")
        s = re.sub(r"(?<=[aeiouy])s(?=[aeiouy])", "ss", s)              # Belousov -> Belooussov
        s = re.sub(r"g(?=[ei])", "gu", s)                                 # Sergei -> Serguei
        if last and len(words) > 1:
            s = re.sub(r"(?<=[a-z])(in|yn)$", "ine", s)                  # Putin -> Poutine
        out.append(s[:1].upper() + s[1:] if s else s)
    return " ".join(out)


AR_KEEP = {"hussein", "husain", "hussain", "sultan", "sudan", "suleiman", "hashemite"}
AR_MUHAMMAD = {"muhammad", "mohammad", "muhammed", "mohamad", "muhamad"}


def arabic_fr(name: str) -> str:
    """English-style romanisation of an Arabic name -> French-style romanisation: sh->ch, u->ou,
    oo->ou, ee->i, intervocalic s->ss, ai->aï, bin/ibn->ben, al->el, Abdul/Abd al X->Abdel(x),
    -ullah->-allah, Muhammad->Mohammed (Hussein, Sultan, Suleiman are left as French writes them)."""
    words = name.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        low = w.lower()
        if low in {"abd", "abdul", "abdel"} and i + 2 < len(words) and words[i + 1].lower() in {"al", "el"}:
            out.append("Abdel" + words[i + 2].lower())
            i += 3
            continue
        parts = w.split("-")
        res = []
        for p in parts:
            s = p.lower()
            if s == "al" and p == "Al":
                res.append(p)
                continue
            if s in {"al", "el"}:
                res.append("el")
                continue
            if s in {"bin", "ibn"}:
                res.append("ben")
                continue
            if s in AR_MUHAMMAD:
                res.append("Mohammed")
                continue
            if s == "abdul":
                res.append("Abdel")
                continue
            if s not in AR_KEEP:
                s = re.sub(r"(?<=[a-z])ullah$", "allah", s)
                s = s.replace("sh", "\x03").replace("oo", "ou").replace("ee", "i")
                s = re.sub(r"(?<!o)u", "ou", s)
                s = s.replace("\x03", "ch")
                s = re.sub(r"(?<=[aeiou])s(?=[aeiou])", "ss", s)
                s = re.sub(r"(?<=.)ai(?=[^aeiou]|$)", "aï", s)
            res.append(s[:1].upper() + s[1:] if p[:1].isupper() else s)
        out.append("-".join(res))
        i += 1
    return " ".join(out)


def rule_variants(names: list[str], country: str) -> list[str]:
    out: list[str] = []
    for n in names:
        if country in SLAVIC:
            v = russian_fr(n)
        elif country in ARABIC:
            v = arabic_fr(n)
        else:
            continue
        if v and v != n and v not in out:
            out.append(v)
    return out


# --------------------------------------------------------------------------- classification

ORG_WORDS = set("""
ARMY ARMIES FORCES FORCE FRONT PARTY PARTIES ORGANIZATION ORGANISATION ORGANIZATIONS COUNCIL MINISTRY DEPARTMENT
BRIGADE BRIGADES MOVEMENT GROUP GROUPS UNION ASSOCIATION COMMITTEE COMMISSION FUND FOUNDATION INSTITUTE
INSTITUTION CENTER CENTRE BANK AGENCY OFFICE SOCIETY LEAGUE ALLIANCE FEDERATION CONGRESS ASSEMBLY PARLIAMENT
COURT TRIBUNAL UNIVERSITY NETWORK PROGRAM PROGRAMME PROJECT MISSION CHURCH TRUST SERVICE SERVICES INTERNATIONAL
RELIEF AID WATCH CORPS BATTALION BATTALIONS REGIMENT CELL CELLS NUCLEI NUCLEUS COMMAND GUARD GUARDS POLICE
MILITIA MILITIAS REBELS GOVERNMENT ADMINISTRATION AUTHORITY BUREAU BOARD SECRETARIAT COOPERATION COMMUNITY
CONFERENCE FORUM INITIATIVE PARTNERSHIP COALITION NATIONS COMPANY CORPORATION CORP INC LTD LIMITED HOLDINGS
GROUP NEWS TIMES POST PRESS TELEVISION RADIO AGENCY JUNTA REGIME CABINET SENATE KNESSET DUMA LEGISLATURE
JIHAD MUJAHIDEEN MUJAHEDIN TALIBAN BRIGADE FIGHTERS GUERRILLAS GUERRILLA COMMANDOS COMMANDO MARTYRS
LIBERATION REVOLUTIONARY REVOLUTION RESISTANCE ISLAMIC NATIONAL PEOPLE'S PEOPLES POPULAR DEMOCRATIC
REPUBLIC KINGDOM STATES STATE FEDERAL ASSOCIATES COUNCILS DIVISION UNIT UNITS SQUAD SQUADS TEAM CLUB
HOSPITAL SCHOOL ACADEMY COLLEGE RIGHTS HUMAN CROSS CRESCENT RED FRONTIERES SANS MEDECINS OXFAM CARITAS
ACTION SOLIDARITY TREATY PACT CHARTER AUTHORITIES MINISTRIES MINISTERS ORGANIZATION'S ARMED
""".split())


def is_org_name(toks: list[str]) -> bool:
    return any(t.strip("'") in ORG_WORDS for t in toks)


@dataclass
class Person:
    primary: str
    names: list[str]
    codes: list[Code]
    sources: set[str]
    lines: list[str]


# --------------------------------------------------------------------------- hand tables

def read_table(path: Path, ncols: int) -> list[list[str]]:
    rows = []
    if not path.exists():
        return rows
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        rows.append((cols + [""] * ncols)[:ncols])
    return rows


# French titles: an alias starting with one of these ("colonel Kadhafi") is left to newsgraph's title rules.
FR_TITLES = set("""
président présidente roi reine prince princesse pape colonel général maréchal commandant capitaine cheikh
ayatollah imam mollah émir sultan empereur Mgr archevêque sous-commandant le la les
""".split())


def key_of(name: str) -> str:
    return norm(" ".join(tokens_of(name)))


# --------------------------------------------------------------------------- main build

def build(petrarch: Path, out: Path, french: Path, french_orgs: Path, stoplist: Path, with_mnc: bool) -> None:
    blocks: list[Block] = []
    for fname, source in FILES:
        blocks += read_blocks(petrarch / fname, source)

    # Country words (names, adjectives, cities) from the country blocks: used to strip "RUSSIAN PRESIDENT".
    geo: set[str] = set()
    country_blocks = set()
    for i, b in enumerate(blocks):
        heads = [c.split()[0].strip() for c in b.codes if c.strip()]
        place = (b.source == "countries" and heads and all(len(h) == 6 and h[3:] not in ROLE_CODES for h in heads)
                 and not any(re.search(r"\d", c) for c in b.codes))
        if b.source == "countries" and (any(h in ISO3 or h in {"USR", "SUN"} for h in heads) or place):
            country_blocks.add(i)
            for n in b.names:
                toks = tokens_of(n)
                if len(toks) == 1 and len(toks[0]) > 2:
                    geo.add(toks[0])
    geo |= {"AMERICAN", "BRITISH", "SOVIET", "EUROPEAN", "ARAB", "AFRICAN", "PALESTINIAN", "KURDISH", "IRAQI",
            "AFGHAN", "ISRAELI", "IRANIAN", "SAUDI", "SYRIAN", "LEBANESE", "EGYPTIAN", "LIBYAN", "TURKISH",
            "PAKISTANI", "INDIAN", "CHINESE", "JAPANESE", "KOREAN", "NORTH", "SOUTH", "EAST", "WEST", "FRENCH",
            "GERMAN", "ITALIAN", "SPANISH", "RUSSIAN", "UKRAINIAN", "MOSCOW", "KREMLIN", "WHITE", "HOUSE", "CIA",
            "FBI", "PLO", "HAMAS", "HEZBOLLAH", "FATAH", "ANC", "IRA", "MILITARY", "ARMY", "TOP", "SENIOR",
            "VETERAN", "HARDLINE", "MODERATE", "RADICAL", "SHIITE", "SUNNI", "MUSLIM", "CATHOLIC", "NEW",
            "OUTGOING", "INCOMING", "ELECTED", "NEWLY", "SELF-PROCLAIMED", "INTERNATIONAL", "SECURITY"}
    geo -= {"DE", "LA", "SAN", "SANTA", "SAO", "ST.", "SAINT", "AL"}

    french_rows = read_table(french, 3)
    fr_people = {key_of(r[0]): r for r in french_rows if r[0]}
    fr_org_rows = read_table(french_orgs, 4)
    fr_orgs = {key_of(r[0]): r for r in fr_org_rows if r[0]}
    stop = set()
    if stoplist.exists():
        for line in stoplist.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                stop.update(norm(w) for w in line.split())

    # Given names seen in CountryInfo person entries: outside the Countries file an undated entry is a
    # person only if it starts with one of these (OSAMA_BIN_LADEN, AYMAN_AL_ZAWAHIRI; not 21_JUNE_).
    given: Counter[str] = Counter()
    for b in blocks:
        if b.source == "countries" and any("CountryInfo" in c for c in b.comments):
            toks = strip_titles(tokens_of(b.names[0]), geo)
            if len(toks) >= 2 and not is_org_name(toks):
                given[toks[0]] += 1
    given_names = {g for g, n in given.items() if len(g) > 1 and not g[0].isdigit() and g not in ORG_WORDS}
    global ACRONYMS
    ACRONYMS = {tokens_of(b.names[0])[0] for b in blocks if b.source != "countries"
                and len(tokens_of(b.names[0])) == 1 and len(tokens_of(b.names[0])[0]) <= 5}
    ACRONYMS |= {"UN", "U.N.", "EU", "US", "U.S.", "UK", "NATO", "OAS", "IMF", "UNESCO", "UNICEF"}

    people: list[Person] = []
    orgs: list[tuple[Block, list[Code], str]] = []
    stats: Counter[str] = Counter()
    for i, b in enumerate(blocks):
        if i in country_blocks:
            stats["country blocks skipped"] += 1
            continue
        codes = block_codes(b)
        if not codes:
            stats["blocks without a usable code"] += 1
            continue
        ptoks = tokens_of(b.names[0])
        fr_key = key_of(b.names[0])
        cinfo = any("CountryInfo" in c for c in b.comments)
        dated = any(c.dated for c in codes)
        if fr_key in fr_orgs:
            kind = "org"
        elif fr_key in fr_people:
            kind = "person"
        elif b.source == "countries" and cinfo and (not is_org_name(strip_titles(ptoks, geo)) or (
                len(strip_titles(ptoks, geo)) in (2, 3) and strip_titles(ptoks, geo)[0] in given_names)):
            kind = "person"
        elif is_org_name(ptoks) or any(c.code.startswith("MNC") for c in codes):
            kind = "org"
        elif len(ptoks) == 1 and not dated:
            kind = "org"                                   # acronyms: IAEA_, ICJ_, NETAID_
        elif b.source == "international" and not dated and 2 <= len(ptoks) <= 3 and all(
                re.fullmatch(r"[A-Z][A-Z'.-]*", t) for t in ptoks) and not any(
                t in CONNECT or t in {"DU", "LA", "LE", "LES", "DES", "ET", "FOR", "ON", "AT"} for t in ptoks):
            kind = "person"                                # GILLIAN_MELLSOP_ [IGOUNOKID]
        elif b.source != "countries" and not dated and strip_titles(ptoks, geo)[:1] and \
                strip_titles(ptoks, geo)[0] not in given_names:
            kind = "org"
        elif 2 <= len(strip_titles(ptoks, geo)) <= 6 or dated:
            kind = "person"
        else:
            kind = "org"
        if kind == "person":
            people.append(Person(b.names[0], list(b.names), codes, {b.source}, [f"{b.source}:{b.line}"]))
        else:
            # organisations listed one after the other share the codes that follow them, but each
            # primary line is an organisation of its own (a department, a bureau)
            for group in b.groups if len(b.groups) > 1 else [b.names]:
                if group:
                    one = Block(b.source, b.line, list(group), b.codes, b.comments, [list(group)])
                    orgs.append((one, codes, "group" if b.source == "milnonstate" else "organization"))

    # ---- people: merge blocks with the same primary name and a shared country (or no country)
    merged: dict[tuple[str, str], Person] = {}
    order: list[tuple[str, str]] = []
    for p in people:
        toks = strip_titles(tokens_of(p.primary), geo)
        c = country_of(p.codes)
        k = (norm(" ".join(toks)), c)
        if len(toks) >= 2 and k in merged:
            q = merged[k]
            q.names += [n for n in p.names if n not in q.names]
            q.codes += [x for x in p.codes if x not in q.codes]
            q.sources |= p.sources
            q.lines += p.lines
            stats["person blocks merged into an earlier block"] += 1
            continue
        if len(toks) >= 2 and c == "" and any(kk[0] == k[0] for kk in merged):
            # an IGO-only entry (e.g. KOFI_ANNAN_ in the UN section) joins the country entry of the same name
            kk = next(kk for kk in order if kk[0] == k[0])
            q = merged[kk]
            q.names += [n for n in p.names if n not in q.names]
            q.codes += [x for x in p.codes if x not in q.codes]
            q.lines += p.lines
            stats["person blocks merged into an earlier block"] += 1
            continue
        kk = k if k not in merged else (k[0], k[1], len(order))  # type: ignore[assignment]
        merged[kk] = p
        order.append(kk)

    dropped_aliases: list[tuple[str, str]] = []
    used_keys: set[str] = set()
    rule_hits = Counter()
    people_rows = []
    for kk in order:
        p = merged[kk]
        dated = [c for c in p.codes if c.dated]
        if dated and all(c.end is not None and c.end < CUTOFF for c in dated):
            stats["people dropped: every dated code ends before 1945"] += 1
            continue
        country = country_of(p.codes)
        cleaned: list[str] = []
        for n in p.names:
            toks = strip_titles(tokens_of(n), geo)
            if not toks or all(t in TITLES or t in CONNECT for t in toks):
                continue
            if len(toks) == 1 and (toks[0] in TITLES or toks[0] in geo):
                continue
            if is_org_name(toks) and len(toks) > 2:
                continue
            form = capitalise(toks, country)
            if form not in cleaned:
                cleaned.append(form)
        if not cleaned:
            stats["people dropped: only titles"] += 1
            continue
        fr = fr_people.get(key_of(p.primary))
        if fr is None:
            for n in p.names:
                if len(tokens_of(n)) >= 2 and key_of(n) in fr_people:
                    fr = fr_people[key_of(n)]
                    break
        if fr:
            display = fr[1].strip() or cleaned[0]
            french_aliases = [a.strip() for a in fr[2].split("|") if a.strip()
                              and a.strip().split(" ")[0] not in FR_TITLES]
            variants: list[str] = []
            stats["people with a hand-table French name"] += 1
        else:
            display = cleaned[0]
            french_aliases = []
            variants = rule_variants(cleaned, country)
            if variants:
                stats["people given rule-made French variants"] += 1
        names_all = [display] + french_aliases + cleaned + variants
        seen: set[str] = set()
        aliases: list[str] = []
        for a in names_all:
            k = norm(a)
            if not k or k in seen:
                continue
            seen.add(k)
            if a == display:
                continue
            if " " not in a.strip() and "-" not in a and k in stop:
                dropped_aliases.append((display, a))
                continue
            aliases.append(a)
        singles = [n for n in [display] + aliases if " " not in n]
        if not any(" " in n for n in [display] + aliases) and all(norm(n) in stop for n in singles):
            stats["people dropped: only common single words"] += 1
            continue
        base = "phx-" + (slug(display) or "x")
        key = base
        if key in used_keys:
            key = f"{base}-{country.lower()}" if country else base
            n = 2
            while key in used_keys:
                key = f"{base}-{n}"
                n += 1
        used_keys.add(key)
        codes = sorted(p.codes, key=lambda c: (not c.dated, c.start or c.end or date.min, c.code))
        people_rows.append([key, display, "|".join(aliases), ";".join(c.fmt() for c in codes), country])

    # ---- organisations
    org_rows = []
    org_keys: set[str] = set()
    org_seen: dict[str, int] = {}
    for b, codes, kind in orgs:
        if not with_mnc and any(c.code.startswith("MNC") for c in codes):
            stats["MNC (company) entries left out"] += 1
            continue
        fr = fr_orgs.get(key_of(b.names[0]))
        ptoks = tokens_of(b.names[0])
        if not fr and any(t in ROLE_WORDS for t in ptoks):
            stats["org blocks naming an office (left to newsgraph's titles)"] += 1
            continue
        default = next((c for c in codes if not c.dated), codes[0])
        code = default.code
        if re.search(r"(REB|INS|SEP|UAF|RAD)$", code) or code.startswith("IMG"):
            kind = "group" if b.source != "international" or code.startswith("IMG") else kind
        forms: list[str] = []
        for n in b.names:
            toks = tokens_of(n)
            if len(toks) > 1 and toks[0] == "THE":
                toks = toks[1:]
            if not toks or any(t in ROLE_WORDS for t in toks):
                continue
            if len(toks) == 1 and len(toks[0]) <= 6 and re.fullmatch(r"[A-Z0-9.&-]+", toks[0]):
                form = toks[0]                              # acronym: keep in capitals
            else:
                form = org_cap(toks)
            if form not in forms:
                forms.append(form)
        if not forms:
            continue
        if fr:
            display = fr[1].strip() or forms[0]
            extra = [a.strip() for a in fr[2].split("|") if a.strip()]
            if fr[3].strip() in ("organization", "group"):
                kind = fr[3].strip()
        else:
            display, extra = forms[0], []
        k0 = norm(display)
        if k0 in org_seen:                                   # same organisation listed twice
            stats["org blocks merged into an earlier block"] += 1
            row = org_rows[org_seen[k0]]
            have = {norm(x) for x in [row[1]] + row[2].split("|")}
            add = []
            for f in forms + extra:
                if norm(f) in have:
                    continue
                have.add(norm(f))
                if " " not in f and "-" not in f and norm(f) in stop:
                    dropped_aliases.append((display, f))
                else:
                    add.append(f)
            row[2] = "|".join([x for x in row[2].split("|") if x] + add)
            continue
        if " " not in display and "-" not in display and k0 in stop and not any(" " in f for f in forms + extra):
            stats["org entries dropped: only a common word"] += 1
            continue
        aliases, seen = [], {k0}
        for a in extra + forms:
            k = norm(a)
            if not k or k in seen:
                continue
            seen.add(k)
            if " " not in a and "-" not in a and k in stop:
                dropped_aliases.append((display, a))
                continue
            aliases.append(a)
        base = "phx-" + (slug(display)[:60].strip("-") or "x")
        key, n = base, 2
        while key in org_keys:
            key = f"{base}-{n}"
            n += 1
        org_keys.add(key)
        org_seen[k0] = len(org_rows)
        org_rows.append([key, display, "|".join(aliases), code, kind])

    # ---- write
    out.mkdir(parents=True, exist_ok=True)
    head = ("# Generated by build_phoenix.py from the Phoenix actor dictionaries (Open Event Data Alliance, MIT licence;\n"
            "# see README.md). French names from french_names.tsv / french_orgs.tsv (hand-written).\n")
    with open(out / "phoenix_people.tsv", "w", encoding="utf-8") as fh:
        fh.write(head + "# Columns: key, name (French usage), aliases (|), codes (CODE:START:END ;), country (ISO3)\n")
        for r in people_rows:
            fh.write("\t".join(r) + "\n")
    with open(out / "phoenix_orgs.tsv", "w", encoding="utf-8") as fh:
        fh.write(head + "# Columns: key, name (French where usual), aliases (|), code, kind (organization|group)\n")
        for r in org_rows:
            fh.write("\t".join(r) + "\n")
    with open(Path(__file__).resolve().parent / "dropped_aliases.tsv", "w", encoding="utf-8") as fh:
        fh.write("# Single-word aliases dropped because they are common French or English words (stoplist.txt)\n")
        fh.write("# Columns: entry name, dropped alias\n")
        for d, a in dropped_aliases:
            fh.write(f"{d}\t{a}\n")

    # ---- rule test on the hand table
    test = rule_test(people, merged, order, fr_people, geo)
    with open(Path(__file__).resolve().parent / "build_report.txt", "w", encoding="utf-8") as fh:
        fh.write(f"people kept: {len(people_rows)}\norganisations kept: {len(org_rows)} "
                 f"({sum(r[4] == 'group' for r in org_rows)} groups)\n")
        for k, v in sorted(stats.items()):
            fh.write(f"{k}: {v}\n")
        fh.write(f"single-word aliases dropped as common words: {len(dropped_aliases)}\n")
        fh.write("\n" + test + "\n\nDate and code repairs:\n" + "\n".join(LOG.lines) + "\n")
    print(f"people: {len(people_rows)}  orgs: {len(org_rows)}  (report in {out / 'build_report.txt'})")


ACRONYMS: set[str] = set()


def org_cap(toks: list[str]) -> str:
    small = {"OF", "THE", "FOR", "AND", "IN", "ON", "TO", "DE", "DU", "DES", "LA", "LE", "LES", "ET", "AL", "EL"}
    out = []
    for i, t in enumerate(toks):
        if t in ACRONYMS and t not in small:
            out.append(t)
        elif i > 0 and t in small:
            out.append(t.lower())
        elif re.fullmatch(r"[A-Z]{2,5}", t) and not re.search(r"[AEIOUY]", t):
            out.append(t)                                  # consonant-only acronyms: PKK, FLNC
        else:
            out.append(cap_word(t, True, False))
    return " ".join(out)


def rule_test(people, merged, order, fr_people, geo) -> str:
    """How many hand-table French names (Slavic and Arabic countries, differing from the English form)
    the rules reproduce from any of the Phoenix spellings."""
    lines = []
    tot = hit = hit_loose = 0
    for kk in order:
        p = merged[kk]
        fr = fr_people.get(key_of(p.primary))
        if not fr:
            continue
        country = country_of(p.codes)
        if country not in SLAVIC and country not in ARABIC:
            continue
        forms = []
        for n in p.names:
            toks = strip_titles(tokens_of(n), geo)
            if toks:
                forms.append(capitalise(toks, country))
        targets = [fr[1]] if " " in fr[1] else []
        targets = [t for t in targets if norm(t) not in {norm(f) for f in forms}]
        if not targets:
            continue
        tot += 1
        variants = rule_variants(forms, country)
        if any(v == t for v in variants for t in targets):
            hit += 1
        elif any(norm(v) == norm(t) for v in variants for t in targets):
            hit_loose += 1
        else:
            lines.append(f"  miss: {fr[1]}  (rules gave: {' | '.join(variants[:3])})")
    head = (f"Rule test: {tot} hand-table people of Slavic/Arabic-script countries whose French names differ "
            f"from Phoenix's; rules reproduce a French name exactly for {hit}, and up to accents for "
            f"{hit + hit_loose} ({(hit + hit_loose) * 100 // max(tot, 1)}%).")
    return head + "\n" + "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = here.parent.parent
    ap.add_argument("--petrarch", type=Path, default=root.parent / "shared" / "data" / "petrarch2",
                    help="folder with the Phoenix *.actors.txt files")
    ap.add_argument("--out", type=Path, default=root / "src" / "newsgraph" / "resources" / "actors", help="output folder")
    ap.add_argument("--french", type=Path, default=here / "french_names.tsv")
    ap.add_argument("--french-orgs", type=Path, default=here / "french_orgs.tsv")
    ap.add_argument("--stoplist", type=Path, default=here / "stoplist.txt")
    ap.add_argument("--with-mnc", action="store_true", help="also keep multinational companies (MNC codes)")
    a = ap.parse_args(argv)
    build(a.petrarch, a.out, a.french, a.french_orgs, a.stoplist, a.with_mnc)


if __name__ == "__main__":
    main()
