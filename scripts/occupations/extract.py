#!/usr/bin/env python3
"""Extract every occupation title from the public classifications into one flat TSV.

The background vocabulary lets peermap recognise a job title as some *other*
occupation (and so never mistake it for a peer role).  This script only reads the
raw copies (O*NET, ESCO EN and FR, NOC/CNP 2021, ROME 4.60) and writes:

* ``--out``: ``source  lang  codes  label  title``, one row per
  (source, occupation, title), sorted by (source, codes, title);
* ``--manifest``: ``source_file  sha256  bytes  rows_used`` for every file read.

Usage::

    python3 scripts/occupations/extract.py --sources DIR --out FILE.tsv \\
        --manifest MANIFEST.tsv

Standard library only.
"""

import argparse
import csv
import hashlib
import os
import re
import sys
import unicodedata

# Files read, relative to --sources.  All are checked before anything is read so a
# missing one is reported by name instead of failing half-way through.
ONET_OCCUPATIONS = "onet/Occupation Data.txt"
ONET_ALTERNATE = "onet/Alternate Titles.txt"
ONET_REPORTED = "onet/Sample of Reported Titles.txt"
ESCO_EN_OCCUPATIONS = "esco-1.1.1-en/occupations.csv"
ESCO_EN_ISCO = "esco-1.1.1-en/ISCOGroups.csv"
ESCO_FR_OCCUPATIONS = "esco-1.2-fr/occupations_fr.csv"
ESCO_FR_ISCO = "esco-1.2-fr/ISCOGroups_fr.csv"
NOC_EXAMPLES = "noc-cnp-2021/noc2021_all_examples_en_fr.tsv"
ROME_APPELLATIONS = "rome-460/unix_referentiel_appellation_v460_utf8.csv"
ROME_CODES = "rome-460/unix_referentiel_code_rome_v460_utf8.csv"

SOURCE_FILES = [
    ONET_OCCUPATIONS, ONET_ALTERNATE, ONET_REPORTED,
    ESCO_EN_OCCUPATIONS, ESCO_EN_ISCO, ESCO_FR_OCCUPATIONS, ESCO_FR_ISCO,
    NOC_EXAMPLES, ROME_APPELLATIONS, ROME_CODES,
]

HEADER = ("source", "lang", "codes", "label", "title")
MANIFEST_HEADER = ("source_file", "sha256", "bytes", "rows_used")


class SourceError(Exception):
    """A source file is missing or not laid out as expected."""


# --------------------------------------------------------------------------
# Text clean-up
# --------------------------------------------------------------------------

# Invisible characters found in ESCO labels (e.g. a leading U+200B); str.split()
# does not treat them as whitespace, so they are removed explicitly.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def clean(text):
    """Return ``text`` on one line: tabs/newlines to spaces, whitespace collapsed.

    ``str.split()`` also splits on no-break spaces, which ESCO and NOC use inside
    labels (``chemical metallurgy\\xa0expert``).  NFC keeps equal titles equal.
    """
    text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    return " ".join(text.split())


# --------------------------------------------------------------------------
# French masculine/feminine pairs
# --------------------------------------------------------------------------

_ELISION = re.compile(r"^(?:[dljmnst]|qu)['’]", re.IGNORECASE)
# "principal(e)", "immatriculé(e)": a feminine ending in brackets after a letter.
_INCLUSIVE_E = re.compile(r"(?<=\w)\(e\)")
_OPENERS = {"(": ")", "[": "]", "«": "»", "“": "”"}


def _fold(word):
    """Lower-case, drop accents and a leading elision (``d'``) for comparing words."""
    word = _ELISION.sub("", word.lower())
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c))


def _elision(word):
    """Return the elided article at the start of ``word`` (``d'``), or ``''``."""
    match = _ELISION.match(word)
    return match.group(0) if match else ""


def _word_variants(a, b):
    """True if two folded words (no hyphen logic) differ only by a gender ending."""
    common = len(os.path.commonprefix([a, b]))
    return a != b and common >= 3 and common >= min(len(a), len(b)) - 4


def gender_variants(masc, fem):
    """True if two words look like the two genders of one word.

    agent/agente, directeur/directrice, poète/poétesse, Opérateur/Operatrice.  The
    shared start must cover all but the last four letters of the shorter word
    (``teur`` -> ``trice``), so unrelated words that merely start alike
    (conditionneuse/conductrice) do not count.  Hyphenated compounds are compared
    part by part (enseignant-chercheur/enseignante-chercheuse, caporal-chef/
    caporale-chef).  Identical words are not variants.
    """
    a, b = _fold(masc), _fold(fem)
    if a == b:
        return False
    parts_a, parts_b = a.split("-"), b.split("-")
    if len(parts_a) > 1 and len(parts_a) == len(parts_b):
        return all(x == y or _word_variants(x, y) for x, y in zip(parts_a, parts_b))
    return _word_variants(a, b)


def _same_or_variant(masc, fem):
    """True if two words are equal (ignoring case and accents) or gender variants."""
    return _fold(masc) == _fold(fem) or gender_variants(masc, fem)


def _match_case(word, model):
    """Give ``word`` the initial case of ``model`` (``directrice`` -> ``Directrice``)."""
    if not word or not model or not model[0].isalpha():
        return word
    first = word[0].upper() if model[0].isupper() else word[0].lower()
    return first + word[1:]


def top_level_slashes(label, spaced_only):
    """Return the indices of the slashes that separate gender (or other) forms.

    Slashes inside brackets or quotes are part of a name, not a pair: "(MMC/CNC)",
    «lutte contre l'illettrisme/français langue étrangère».  With ``spaced_only``
    only " / " counts (ROME writes pairs with spaces and alternatives such as
    "chimie/pharmacie" without).
    """
    found, closers, in_quote = [], [], False
    for i, char in enumerate(label):
        if char == '"':
            in_quote = not in_quote
        elif char in _OPENERS:
            closers.append(_OPENERS[char])
        elif closers and char == closers[-1]:
            closers.pop()
        elif char == "/" and not closers and not in_quote:
            if not spaced_only or (i > 0 and label[i - 1:i + 2] == " / "):
                found.append(i)
    return found


def _aligned_head(left, right):
    """Smallest k such that the last k words of ``left`` are the first k of ``right``
    in the other gender (each word equal or a gender variant, at least one variant).

    ``agent/agente d'entretien`` -> 1; ``Directeur administratif/directrice
    administrative d'une association`` -> 2; ``géomètre minier/géomètre minière``
    -> 2; ``psychologue clinicien de la santé/clinicienne de la santé`` -> 4.
    Returns None when there is no such k.
    """
    for k in range(1, min(len(left), len(right)) + 1):
        pairs = list(zip(left[-k:], right[:k]))
        if (all(_same_or_variant(m, f) for m, f in pairs)
                and any(gender_variants(m, f) for m, f in pairs)):
            return k
    return None


def split_once(label, at):
    """Split ``label`` at the slash index ``at`` into (left form, right form, sure).

    1. The last k words of the left side are the first k words of the right side in
       the other gender: the right side goes on after the shared words and the left
       side may start with words the right side leaves out.
       ``agent/agente d'entretien`` -> ``agent d'entretien`` / ``agente
       d'entretien``; ``chef décorateur/décoratrice spectacle`` -> ``chef
       décorateur spectacle`` / ``chef décoratrice spectacle``; ``Président et
       directeur général/directrice générale - santé``.
    2. Else, if both sides start with the two genders of one word, each side is a
       whole title, the left one completed with the words the right side has
       beyond the left's length (the rule for ``poseur tireur / poseuse tireuse de
       câbles``; also ``conducteur de ligne de sciage bois/conductrice de sciage
       bois``).
    3. Else (homme/femme, steward/hôtesse, papier/carton) sides of equal length,
       or one the tail of the other (``fantassin/femme fantassin``), are taken as
       two whole titles; otherwise the words on each side of the slash are
       alternatives and the rest is shared (``Garçon / Fille de chenil`` ->
       ``Garçon de chenil`` / ``Fille de chenil``).  ``sure`` is False so the
       caller also keeps the label as written.
    """
    left, right = label[:at].split(), label[at + 1:].split()
    if not left or not right:
        return label, label, False
    k = _aligned_head(left, right)
    if k is not None:
        head, first = left[-k], right[0]
        # Carry the elided article over: "d'infirmiers/infirmières".
        if _elision(head) and not _elision(first):
            first = _elision(head) + first
        first = _match_case(first, head)
        masc = left + right[k:]
        fem = left[:-k] + [first] + right[1:]
        return " ".join(masc), " ".join(fem), True
    n_left, n_right = len(left), len(right)
    if gender_variants(left[0], right[0]):
        masc = left + right[n_left:]
        fem = [_match_case(right[0], left[0])] + right[1:]
        return " ".join(masc), " ".join(fem), True
    folded_l, folded_r = [_fold(w) for w in left], [_fold(w) for w in right]
    if folded_l == folded_r:
        return " ".join(left), " ".join(right), True  # "x/x": same title twice
    if (n_left == n_right or folded_r[-n_left:] == folded_l
            or folded_l[-n_right:] == folded_r):
        # Two whole titles: "steward/hôtesse", "valet de chambre/femme de chambre",
        # "fantassin/femme fantassin", "Homme sage-femme / Sage-femme".
        right = [_match_case(right[0], left[0])] + right[1:]
        return " ".join(left), " ".join(right), False
    # One word against another, the rest shared: "Garçon / Fille de chenil",
    # "... de papier/carton", "chargeuse/déchargeuse - exploitation de mines".
    masc = left + right[1:]
    fem = left[:-1] + [_match_case(right[0], left[-1])] + right[1:]
    return " ".join(masc), " ".join(fem), False


def expand_inclusive(label, gender):
    """Resolve "(e)" endings: masculine drops them, feminine spells them out.

    With ``gender`` None (a label that is not a pair) both forms are returned.
    """
    if not _INCLUSIVE_E.search(label):
        return [label]
    masc = _INCLUSIVE_E.sub("", label)
    fem = _INCLUSIVE_E.sub("e", label)
    return {"m": [masc], "f": [fem]}.get(gender, [masc, fem])


def french_forms(label, spaced_only=False):
    """Return the titles a French label stands for, in order, without duplicates.

    A label with several pair slashes ("Agent/agente de sécurité et
    enquêteur/enquêteuse") is split repeatedly, always following the masculine
    (left) forms for one title and the feminine (right) forms for the other, so no
    mixed-gender form is made up.
    """
    label = clean(label)
    if not top_level_slashes(label, spaced_only):
        return expand_inclusive(label, None)
    sure = True
    forms = []
    for side in (0, 1):
        current = label
        while True:
            slashes = top_level_slashes(current, spaced_only)
            if not slashes:
                break
            parts = split_once(current, slashes[0])
            sure = sure and parts[2]
            if parts[side] == current:  # nothing to split on: stop
                break
            current = parts[side]
        forms.extend(expand_inclusive(current, "mf"[side]))
    if not sure:
        forms.append(label)  # unsure how to read the slash: keep it as written
    return list(dict.fromkeys(f for f in forms if f))


# --------------------------------------------------------------------------
# Reading the sources
# --------------------------------------------------------------------------

class Reader:
    """Opens source files under one folder and records the manifest entries."""

    def __init__(self, root):
        self.root = root
        self.manifest = {}

    def path(self, rel):
        """Absolute path of a source file."""
        return os.path.join(self.root, *rel.split("/"))

    def check_present(self):
        """Fail, naming the file, if any source file is missing."""
        missing = [rel for rel in SOURCE_FILES if not os.path.isfile(self.path(rel))]
        if missing:
            raise SourceError("missing source file(s) under %s: %s"
                              % (self.root, ", ".join(missing)))

    @staticmethod
    def _require(rel, header, columns):
        """Fail clearly if expected columns are absent (a different release)."""
        absent = [c for c in columns if c not in header]
        if absent:
            raise SourceError("%s: missing column(s) %s" % (rel, ", ".join(absent)))

    def tsv(self, rel, columns):
        """Rows of an unquoted tab-separated file as dicts (O*NET, NOC).

        Split by hand rather than with csv: these files use no quoting, and the
        NOC extract has CRLF line ends.  Only LF ends a line (str.splitlines would
        also break on U+2028 and the like inside a title).
        """
        with open(self.path(rel), encoding="utf-8-sig", newline="") as handle:
            lines = [line.rstrip("\r") for line in handle.read().split("\n")]
        header = lines[0].split("\t")
        self._require(rel, header, columns)
        rows = []
        for line in lines[1:]:
            if line.strip():
                fields = line.split("\t")
                fields += [""] * (len(header) - len(fields))  # short row: empty cells
                rows.append(dict(zip(header, fields)))
        return rows

    def csv(self, rel, columns):
        """Rows of a comma-separated file with quoted multi-line cells (ESCO, ROME)."""
        with open(self.path(rel), encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            self._require(rel, reader.fieldnames or [], columns)
            return list(reader)

    def used(self, rel, rows_used):
        """Record a file for the manifest: SHA-256 and size of its bytes, rows used."""
        with open(self.path(rel), "rb") as handle:
            data = handle.read()
        self.manifest[rel] = (hashlib.sha256(data).hexdigest(), len(data), rows_used)


def onet_rows(src):
    """O*NET: Title, Alternate Titles, Short Titles (not n/a), Reported Job Titles."""
    code_col = "O*NET-SOC Code"
    occupations = src.tsv(ONET_OCCUPATIONS, [code_col, "Title"])
    titles = {r[code_col]: r["Title"] for r in occupations}
    src.used(ONET_OCCUPATIONS, len(occupations))
    pairs = list(titles.items())  # each occupation's own Title

    alternate = src.tsv(ONET_ALTERNATE, [code_col, "Alternate Title", "Short Title"])
    for r in alternate:
        pairs.append((r[code_col], r["Alternate Title"]))
        if clean(r["Short Title"]).lower() != "n/a":
            pairs.append((r[code_col], r["Short Title"]))
    src.used(ONET_ALTERNATE, len(alternate))

    reported = src.tsv(ONET_REPORTED, [code_col, "Reported Job Title"])
    pairs.extend((r[code_col], r["Reported Job Title"]) for r in reported)
    src.used(ONET_REPORTED, len(reported))

    for code, title in pairs:
        yield ("onet", "en", "onet-soc:" + clean(code), titles.get(code, ""), title)


def isco_unit_groups(src, rel, code_col):
    """The 4-digit ISCO-08 unit-group codes of an ESCO ISCOGroups file."""
    groups = {clean(r[code_col]) for r in src.csv(rel, [code_col])}
    units = {g for g in groups if len(g) == 4 and g.isdigit()}
    src.used(rel, len(units))
    return units


def esco_codes(isco, code, units, rel):
    """``isco08:NNNN;esco:CODE``, leaving out empty parts.

    The ISCO code is padded to 4 digits in case a spreadsheet dropped a leading
    zero; a code that is not an ISCO unit group is kept but reported.
    """
    parts = []
    isco = clean(isco)
    if isco:
        if isco.isdigit():
            isco = isco.zfill(4)
        if isco not in units:
            print("warning: %s: ISCO code %r is not a unit group" % (rel, isco),
                  file=sys.stderr)
        parts.append("isco08:" + isco)
    if clean(code):
        parts.append("esco:" + clean(code))
    return ";".join(parts)


def esco_en_rows(src):
    """ESCO 1.1.1 English: PREFERREDLABEL and each line of ALTLABELS."""
    units = isco_unit_groups(src, ESCO_EN_ISCO, "CODE")
    rows = src.csv(ESCO_EN_OCCUPATIONS,
                   ["ISCOGROUPCODE", "CODE", "PREFERREDLABEL", "ALTLABELS"])
    src.used(ESCO_EN_OCCUPATIONS, len(rows))
    for r in rows:
        codes = esco_codes(r["ISCOGROUPCODE"], r["CODE"], units, ESCO_EN_OCCUPATIONS)
        label = r["PREFERREDLABEL"]
        for title in [label] + r["ALTLABELS"].split("\n"):
            yield ("esco-en", "en", codes, label, title)


def esco_fr_rows(src):
    """ESCO 1.2 French: preferredLabel, altLabels, hiddenLabels, pairs split."""
    units = isco_unit_groups(src, ESCO_FR_ISCO, "code")
    rows = src.csv(ESCO_FR_OCCUPATIONS,
                   ["iscoGroup", "code", "preferredLabel", "altLabels", "hiddenLabels"])
    src.used(ESCO_FR_OCCUPATIONS, len(rows))
    for r in rows:
        codes = esco_codes(r["iscoGroup"], r["code"], units, ESCO_FR_OCCUPATIONS)
        label = r["preferredLabel"]  # kept as written, "x/y" pair included
        names = [label] + r["altLabels"].split("\n") + r["hiddenLabels"].split("\n")
        for name in names:
            for title in french_forms(name):
                yield ("esco-fr", "fr", codes, label, title)


def noc_rows(src):
    """NOC/CNP 2021 example titles; the copy has no unit-group titles.

    Each title is its own label.  French titles are nearly all written
    "masc/fém" ("Député/députée à l'Assemblée législative"): they are kept as
    written and their split forms are added, as for ESCO, each form being its
    own label too so there is one row per (code, title).
    """
    rows = src.tsv(NOC_EXAMPLES, ["noc_code", "lang", "title"])
    used = 0
    for r in rows:
        lang, code, title = clean(r["lang"]), clean(r["noc_code"]), r["title"]
        if lang not in ("en", "fr") or not clean(title):
            continue
        used += 1
        codes = "noc2021:" + (code.zfill(5) if code.isdigit() else code)
        titles = [title]
        if lang == "fr":
            titles += french_forms(title)
        for form in titles:
            yield ("noc-" + lang, lang, codes, form, form)
    src.used(NOC_EXAMPLES, used)


def rome_rows(src):
    """ROME 4.60: every appellation (long label), "Masc / Fém" pairs split."""
    code_rows = src.csv(ROME_CODES, ["code_rome", "libelle_rome"])
    labels = {clean(r["code_rome"]): r["libelle_rome"] for r in code_rows}
    src.used(ROME_CODES, len(code_rows))
    rows = src.csv(ROME_APPELLATIONS, ["code_rome", "libelle_appellation_long"])
    src.used(ROME_APPELLATIONS, len(rows))
    for r in rows:
        code = clean(r["code_rome"])
        if code not in labels:
            print("warning: %s: ROME code %r has no libelle_rome" % (ROME_APPELLATIONS, code),
                  file=sys.stderr)
        for title in french_forms(r["libelle_appellation_long"], spaced_only=True):
            yield ("rome", "fr", "rome:" + code, labels.get(code, ""), title)


EXTRACTORS = [onet_rows, esco_en_rows, esco_fr_rows, noc_rows, rome_rows]


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def collect(src):
    """All cleaned, de-duplicated rows, sorted by (source, codes, title)."""
    rows = set()
    for extract in EXTRACTORS:
        for row in extract(src):
            row = tuple(clean(field) for field in row)
            if row[4]:
                rows.add(row)
    # label and lang break any tie so the order never depends on set hashing.
    return sorted(rows, key=lambda r: (r[0], r[2], r[4], r[3], r[1]))


def write_tsv(path, header, rows):
    """Write UTF-8, LF, tab-separated lines without quoting."""
    parent = os.path.dirname(os.path.abspath(path))
    os.makedirs(parent, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for row in [header] + list(rows):
            handle.write("\t".join(str(field) for field in row) + "\n")


def report(rows):
    """Print, per source, the number of rows and of distinct titles to stderr."""
    sources = sorted({r[0] for r in rows})
    for source in sources:
        mine = [r for r in rows if r[0] == source]
        print("%-8s rows=%d distinct_titles=%d"
              % (source, len(mine), len({r[4] for r in mine})), file=sys.stderr)
    print("%-8s rows=%d distinct_titles=%d"
          % ("total", len(rows), len({r[4] for r in rows})), file=sys.stderr)


def parse_args(argv):
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", required=True,
                        help="folder laid out like shared/data/occupations")
    parser.add_argument("--out", required=True, help="output TSV")
    parser.add_argument("--manifest", required=True, help="manifest TSV")
    return parser.parse_args(argv)


def main(argv=None):
    """Entry point: extract, write the TSV and the manifest, report counts."""
    args = parse_args(argv)
    src = Reader(args.sources)
    try:
        src.check_present()
        rows = collect(src)
    except SourceError as error:
        print("extract.py: error: %s" % error, file=sys.stderr)
        return 2
    write_tsv(args.out, HEADER, rows)
    write_tsv(args.manifest, MANIFEST_HEADER,
              [(rel,) + src.manifest[rel] for rel in sorted(src.manifest)])
    report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
