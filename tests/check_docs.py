"""The docs state every range and default as the library's field table has
them (issue 9: a range or a default is written once in the whole tree).

The man page (the generated tools/amsize.1) and README.md restate the
table for their readers; this test recomputes each statement from the
table (include/amsize/schema.h, read through the Python binding's
amsize._schema) and fails on any difference, so the docs follow the table
rather than a copy of it.

What it reads, and how a field is documented there:

* Man page, sections SEGMENTS.csv, ACCOUNTS.csv and "Plan input files": a
  field's name in bold, then its description in parentheses, e.g.
  `.BR support_rating " (1..5, default 3), "`. A description after a list
  of names ("arr, upsell, cross_sell, churn (money, >= 0)") is theirs all.
* Man page, OPTIONS: the paragraph of --selling-time (selling_time) and
  --rating-thresholds (rating_medium, rating_high), with "Default A,B,...".
* Man page, anywhere: "<field> outside <range>" (the exit statuses).
* README.md: the tables with a "range" and a "default" column; each row
  names its fields in backticks. Also "`field` (..., default X)" in the
  prose, the model parameters T = {...} and the rating thresholds
  (high = 15%), and the --selling-time/--rating-thresholds values of the
  command's synopsis.

A description must state (1) the range in the notation that range_notation()
computes from the table's min, max, open flags and type, and (2) the
default as the table's default_text (selling_time and the rating
thresholds as the option takes them: 0.4,0.5,...), or no default when the
table has none (required) or the field is one of the totals a segment gets
from its accounts (the command requires those columns without
--accounts). Every field of the segment, model, account, staffing, roster
and ramp tables must be documented in the man page, and the README's
tables must each cover their schema; the exceptions are listed in
UNDOCUMENTED.

Usage: check_docs.py MAN_PAGE README
(with AMSIZE_LIBRARY and PYTHONPATH set as bindings/python/run_tests.sh
sets them). Exit 0 when the docs agree, 1 with every disagreement listed.
"""
from __future__ import annotations

import ctypes
import math
import os
import re
import sys
from typing import Dict, List, Optional, Sequence, Tuple

try:
    from amsize import _schema as S
except Exception as e:  # the binding or the library does not load
    print("SKIP: the Python binding cannot load the library (%s: %s)" % (type(e).__name__, e))
    sys.exit(77)

Field = S.Field

# ------------------------------------------------------------------ table

SCHEMA_NAMES = {S.SEGMENT: "segment", S.MODEL: "model", S.ACCOUNT: "account",
                S.STAFFING: "staffing", S.ROSTER: "roster", S.RAMP: "ramp"}

#: The tables whose every field the man page documents.
DOCUMENTED = (S.SEGMENT, S.MODEL, S.ACCOUNT, S.STAFFING, S.ROSTER, S.RAMP)

#: (schema, field) that the man page does not document, and why.
UNDOCUMENTED = {
    (S.ACCOUNT, "segment_index"):
        "the command reads a segment's name (the segment column), not its index",
}

WHOLE_TYPES = (S.TYPE_INT32, S.TYPE_INT64, S.TYPE_UINT8)


def num(x: float) -> str:
    """A bound or default as the docs write it: 0, 1, 0.15."""
    return "%d" % x if float(x).is_integer() else repr(float(x))


def range_notation(f: Field) -> str:
    """The one notation of a field's range that the docs use:
    "any" (no bounds), "> a" / ">= a" (no upper bound), "< b" / "<= b" (no
    lower), "a..b" (a whole-number field with both bounds, both closed),
    else the interval "[a,b]", "(a,b]", "[a,b)", "(a,b)"."""
    lo_open = bool(f.flags & S.MIN_OPEN)
    hi_open = bool(f.flags & S.MAX_OPEN)
    lo_inf = f.min == -math.inf
    hi_inf = f.max == math.inf
    if lo_inf and hi_inf:
        return "any"
    if hi_inf:
        return (">" if lo_open else ">=") + " " + num(f.min)
    if lo_inf:
        return ("<" if hi_open else "<=") + " " + num(f.max)
    if f.type in WHOLE_TYPES and not lo_open and not hi_open:
        return "%s..%s" % (num(f.min), num(f.max))
    return "%s%s,%s%s" % ("(" if lo_open else "[", num(f.min), num(f.max),
                          ")" if hi_open else "]")


def default_notation(f: Field) -> Optional[str]:
    """The default as a description states it: the table's default_text;
    None when the table has none (a required field)."""
    if f.flags & S.REQUIRED:
        return None
    return f.default_text


def option_default(fields: Sequence[Field]) -> str:
    """The default of an option that sets these fields, as the option is
    written: each field's defaults array, joined by commas (0.4,0.5,...)."""
    values: List[str] = []
    for f in fields:
        assert f.defaults is not None, f.name
        values.extend(num(v) for v in f.defaults)
    return ",".join(values)


def lookup(schemas: Sequence[int], name: str) -> Optional[Field]:
    for s in schemas:
        for f in S.fields(s):
            if f.name == name:
                return f
    return None


# ------------------------------------------------------------- notations

NUM = r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"
NOTATION_RE = re.compile(
    r"[\[(]\s*(?:%s|-inf)\s*,\s*(?:%s|inf)\s*[\])]" % (NUM, NUM)  # [a,b] (a,b] ...
    + r"|(?:>=|<=|>|<)\s*%s" % NUM                              # > 0, >= 0
    + r"|(?<![\d.])\d+\s*\.\.\s*\d+(?![\d.])"                   # 1..5
    + r"|(?:^|(?<=[,;(]))\s*any\s*(?=[,;)]|$)")                  # any, as a part


def norm(text: str) -> str:
    """Text as compared: no troff escapes or backticks, >= for ≥, one space
    between words."""
    text = re.sub(r"\\f[BIRP]|\\f\(\w\w|\\&|\\\|", "", text)
    text = text.replace("\\-", "-").replace("\\e", "\\").replace("`", "")
    text = text.replace("≥", ">=").replace("≤", "<=").replace("−", "-")
    return re.sub(r"\s+", " ", text).strip()


def squeeze(notation: str) -> str:
    """A range notation compared without spaces: "[0, 1)" is "[0,1)"."""
    return re.sub(r"\s+", "", norm(notation))


def ranges_in(text: str) -> List[str]:
    return [m.group(0).strip() for m in NOTATION_RE.finditer(norm(text))]


DEFAULT_RE = re.compile(r"\bdefault\s+(.+?)\s*(?=[,;:]\s|\.?\s*$)", re.I)


def defaults_in(text: str) -> List[str]:
    return [m.group(1) for m in DEFAULT_RE.finditer(norm(text))]


# ---------------------------------------------------------------- checker

class Checker:
    def __init__(self) -> None:
        self.failures: List[str] = []
        self.seen: List[str] = []  # every statement checked, for the log
        self.documented: Dict[Tuple[int, str], int] = {}

    def fail(self, where: str, msg: str) -> None:
        self.failures.append("%s: %s" % (where, msg))

    def saw(self, where: str, what: str) -> None:
        self.seen.append("%s: %s" % (where, what))

    def description(self, where: str, fields: Sequence[Field], text: str,
                    default: Optional[str] = None, check_default: bool = True) -> None:
        """Checks one description of fields: its one range notation and,
        with check_default, its default (default: the expected text when
        the table's default_text is not it, as for an option)."""
        self.saw(where, "%s: %r" % (", ".join(f.name for f in fields), norm(text)))
        for f in fields:
            key = (f.schema, f.name)
            self.documented[key] = self.documented.get(key, 0) + 1
        names = ", ".join(f.name for f in fields)
        found = ranges_in(text)
        want = {squeeze(range_notation(f)) for f in fields}
        if len(want) != 1:
            self.fail(where, "%s: one description for fields of different ranges (%s)"
                      % (names, ", ".join(range_notation(f) for f in fields)))
        elif len(found) != 1:
            self.fail(where, "%s: %s range in %r; the table's is %r"
                      % (names, "no" if not found else "more than one (%s)" % found,
                         norm(text), range_notation(fields[0])))
        elif squeeze(found[0]) not in want:
            self.fail(where, "%s: range %r, the table's is %r"
                      % (names, found[0], range_notation(fields[0])))
        if not check_default:
            return
        stated = defaults_in(text)
        if default is None:
            wants = {default_notation(f) for f in fields}
            if len(wants) != 1:
                self.fail(where, "%s: one description for fields of different defaults" % names)
                return
            default = wants.pop()
            may_omit = all(f.flags & (S.REQUIRED | S.FROM_TOTALS) for f in fields)
        else:
            may_omit = False
        if len(stated) > 1:
            self.fail(where, "%s: more than one default in %r" % (names, norm(text)))
        elif not stated:
            if default is not None and not may_omit:
                self.fail(where, "%s: no default stated in %r; the table's is %r"
                          % (names, norm(text), default))
        elif default is None:
            self.fail(where, "%s: default %r stated, but the table makes it required"
                      % (names, stated[0]))
        elif norm(stated[0]) != norm(default):
            self.fail(where, "%s: default %r, the table's is %r" % (names, stated[0], default))


# --------------------------------------------------------------- man page

#: The man page's sections that list input columns, and the tables whose
#: fields they name. (A name that is a column but no field of the table,
#: such as segment, is in NOT_FIELDS.)
MAN_SECTIONS = {
    "SEGMENTS.csv": (S.SEGMENT,),
    "ACCOUNTS.csv": (S.ACCOUNT,),
    "Plan input files": (S.STAFFING, S.ROSTER, S.RAMP),
}
NOT_FIELDS = {"segment", "account_id", "am_id", "month"}

#: The options that set model fields, and the fields in the option's order.
MAN_OPTIONS = {
    "--selling-time": ("selling_time",),
    "--rating-thresholds": ("rating_medium", "rating_high"),
}

#: The font macros: each argument in turn in the fonts the name gives.
FONT_MACROS = ("B", "I", "BR", "RB", "BI", "IB", "IR", "RI")


def troff_args(s: str) -> List[str]:
    """A macro line's arguments: split at spaces, "..." quoted."""
    args: List[str] = []
    i, n = 0, len(s)
    while i < n:
        while i < n and s[i] == " ":
            i += 1
        if i >= n:
            break
        if s[i] == '"':
            i += 1
            buf = []
            while i < n:
                if s[i] == '"':
                    if i + 1 < n and s[i + 1] == '"':
                        buf.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                buf.append(s[i])
                i += 1
            args.append("".join(buf))
        else:
            j = i
            while j < n and s[j] != " ":
                j += 1
            args.append(s[i:j])
            i = j
    return args


def man_runs(lines: Sequence[str]):
    """(line number, font, text) runs of the page: B bold, R roman, I
    italic; ("", None) at a paragraph macro; ("SH"/"SS", title) headings."""
    for no, line in enumerate(lines, 1):
        if line.startswith(".\\\""):
            continue
        if not line.startswith("."):
            yield no, "R", line
            continue
        macro, _, rest = line[1:].partition(" ")
        if macro in ("SH", "SS"):
            yield no, macro, norm(" ".join(troff_args(rest)))
        elif macro in FONT_MACROS:
            fonts = macro
            for k, arg in enumerate(troff_args(rest)):
                font = fonts[k % len(fonts)] if len(fonts) > 1 else fonts
                if len(fonts) == 1 and k > 0:
                    arg = " " + arg
                yield no, font, arg
        else:
            yield no, "break", macro


def check_man(c: Checker, path: str, version: str) -> None:
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    where0 = os.path.basename(path)

    # The header's version is configure.ac's (the page is generated).
    th = lines[0] if lines else ""
    if not th.startswith(".TH ") or ("libamsize " + version) not in th:
        c.fail("%s:1" % where0, "header %r does not name libamsize %s" % (th, version))

    section = ""
    pending: List[Tuple[int, str]] = []  # bold names awaiting a description
    runs = list(man_runs(lines))
    for k, (no, font, text) in enumerate(runs):
        where = "%s:%d" % (where0, no)
        if font in ("SH", "SS"):
            section = text
            pending = []
            continue
        if font == "break":
            pending = []
            continue
        if font == "B":
            name = norm(text)
            if re.fullmatch(r"[a-z][a-z0-9_]*", name):
                pending.append((no, name))
            else:
                pending = []
            continue
        if font != "R" or not pending:
            pending = []
            continue
        schemas = MAN_SECTIONS.get(section)
        if schemas is None:
            # Elsewhere only a field of a table is looked at: described
            # here, its section must be mapped to be checked.
            pending = [(n0, n) for n0, n in pending if lookup(DOCUMENTED, n) is not None]
            if not pending:
                continue
        stripped = text.strip()
        if not stripped.startswith("("):
            # A separator keeps the list going: "arr, upsell, ... churn (...)".
            if not re.fullmatch(r",|and|or|, and|, or", stripped):
                pending = []
            continue
        close = stripped.rfind(")")
        if close < 0:
            c.fail(where, "description of %s has no closing parenthesis on its line"
                   % pending[-1][1])
            pending = []
            continue
        desc = stripped[1:close]
        names = [n for _, n in pending]
        pending = []
        fields = []
        for n in names:
            if n in NOT_FIELDS:
                continue
            f = lookup(schemas or DOCUMENTED, n)
            if f is None:
                c.fail(where, "%s is described as an input column but no table of %s has it"
                       " (a typo, or add it to NOT_FIELDS)"
                       % (n, section if schemas else "the library"))
                continue
            if schemas is None:
                c.fail(where, "%s is described in section %r, which MAN_SECTIONS does not map"
                       " to a table" % (n, section))
                continue
            fields.append(f)
        if fields:
            c.description(where, fields, desc)

    # OPTIONS: the paragraph of each option that sets model fields.
    for k, line in enumerate(lines):
        if k == 0 or lines[k - 1] != ".TP" or not re.match(r"\.(BI|BR|B) ", line):
            continue
        args = troff_args(line.split(" ", 1)[1])
        opt = norm(args[0]) if args else ""
        if opt not in MAN_OPTIONS:
            continue
        para = []
        for nxt in lines[k + 1:]:
            if re.match(r"\.(TP|PP|SH|SS|P|LP)\b", nxt):
                break
            para.append(nxt if not nxt.startswith(".") else
                        " ".join(troff_args(nxt.split(" ", 1)[1] if " " in nxt else "")))
        fields = [S.field(S.MODEL, n) for n in MAN_OPTIONS[opt]]
        c.description("%s:%d" % (where0, k + 1), fields, " ".join(para),
                      default=option_default(fields))

    # "<field> outside <range>", as the exit statuses say it.
    text = norm(" ".join(t for _, font, t in runs if font in ("R", "B", "I")))
    for m in re.finditer(r"\b([a-z][a-z0-9_]*) outside (\S+?)[,.;]?(?=\s|$)", text):
        f = lookup(DOCUMENTED, m.group(1))
        if f is None:
            continue
        c.saw(where0, repr(m.group(0)))
        if squeeze(m.group(2)) != squeeze(range_notation(f)):
            c.fail(where0, "%r: the table's range of %s is %r"
                   % (m.group(0), f.name, range_notation(f)))

    for s in DOCUMENTED:
        for f in S.fields(s):
            if (s, f.name) in UNDOCUMENTED or (s, f.name) in c.documented:
                continue
            c.fail(where0, "%s field %s is not documented (its name in bold, then its"
                   " range and default in parentheses)" % (SCHEMA_NAMES[s], f.name))


# ----------------------------------------------------------------- README

#: The README sections whose tables of inputs (with range and default
#: columns) list a table's fields, every one.
README_TABLES = {
    "The method, with a worked example": S.SEGMENT,
    "From headcount to a hiring plan, with a worked example": S.STAFFING,
}


def cells(line: str) -> List[str]:
    return [x.strip() for x in line.strip().strip("|").split("|")]


def check_readme(c: Checker, path: str) -> None:
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    where0 = os.path.basename(path)
    heading = ""
    k = 0
    seen_tables = set()
    while k < len(lines):
        line = lines[k]
        m = re.match(r"#{2,} (.*)", line)
        if m:
            heading = m.group(1).strip()
        if not line.startswith("|"):
            k += 1
            continue
        start = k
        while k < len(lines) and lines[k].startswith("|"):
            k += 1
        header = [h.lower() for h in cells(lines[start])]
        if "range" not in header or "default" not in header:
            continue
        schema = README_TABLES.get(heading)
        if schema is None:
            c.fail("%s:%d" % (where0, start + 1), "a table of ranges and defaults in section"
                   " %r, which README_TABLES does not map to a table" % heading)
            continue
        seen_tables.add(heading)
        ri, di = header.index("range"), header.index("default")
        covered = set()
        for j in range(start + 2, k):
            row = cells(lines[j])
            where = "%s:%d" % (where0, j + 1)
            names = re.findall(r"`([a-z][a-z0-9_]*)`", row[0])
            if not names:
                c.fail(where, "row %r names no field in backticks" % row[0])
                continue
            fields = []
            for n in names:
                f = lookup((schema,), n)
                if f is None:
                    c.fail(where, "`%s`: the %s table has no such field"
                           % (n, SCHEMA_NAMES[schema]))
                else:
                    fields.append(f)
                    covered.add(n)
            if fields:
                # The range cell holds the range; the default cell is the
                # whole default, without the word.
                c.description(where, fields, row[ri], check_default=False)
                cell = norm(row[di])
                c.saw(where, "%s: default %r" % (", ".join(f.name for f in fields), cell))
                for f in fields:
                    want = default_notation(f)
                    if cell == "":
                        if want is not None and not f.flags & S.FROM_TOTALS:
                            c.fail(where, "%s: no default; the table's is %r" % (f.name, want))
                    elif want is None:
                        c.fail(where, "%s: default %r, but the table makes it required"
                               % (f.name, cell))
                    elif cell != norm(want):
                        c.fail(where, "%s: default %r, the table's is %r" % (f.name, cell, want))
        for f in S.fields(schema):
            if f.name not in covered:
                c.fail("%s:%d" % (where0, start + 1), "the table under %r lacks %s field %s"
                       % (heading, SCHEMA_NAMES[schema], f.name))
    for heading in README_TABLES:
        if heading not in seen_tables:
            c.fail(where0, "no table of ranges and defaults under %r" % heading)

    # "`field` (..., default X)" in the prose (backticks kept).
    for m in re.finditer(r"`([a-z][a-z0-9_]*)` \(([^()]*)\)", re.sub(r"\s+", " ", " ".join(lines))):
        stated = defaults_in(m.group(2))
        if not stated:
            continue
        c.saw(where0, repr(m.group(0)))
        candidates = [f for s in S.SCHEMAS for f in S.fields(s) if f.name == m.group(1)]
        if not candidates:
            c.fail(where0, "%r: no table has a field %s" % (m.group(0), m.group(1)))
        elif not any(default_notation(f) is not None and norm(stated[0]) == norm(f.default_text)
                     for f in candidates):
            c.fail(where0, "%r: the table's default of %s is %r"
                   % (m.group(0), m.group(1), candidates[0].default_text))
    text = norm(" ".join(lines))
    # The model parameters.
    st = S.field(S.MODEL, "selling_time")
    for m in re.finditer(r"\bT = \{([^}]*)\}", text):
        c.saw(where0, repr(m.group(0)))
        if norm(m.group(1)) != norm(st.default_text):
            c.fail(where0, "%r: the table's default selling_time is %r"
                   % (m.group(0), st.default_text))
    for m in re.finditer(r"\b(high|medium) (?:=|>=) (%s)%%" % NUM, text):
        f = S.field(S.MODEL, "rating_" + m.group(1))
        c.saw(where0, repr(m.group(0)))
        if f.defaults is None or abs(float(m.group(2)) / 100 - f.defaults[0]) > 1e-12:
            c.fail(where0, "%r: the table's default %s is %s"
                   % (m.group(0), f.name, f.default_text))
    for opt, opt_fields in MAN_OPTIONS.items():
        fields = [S.field(S.MODEL, n) for n in opt_fields]
        for m in re.finditer(r"\[%s (\S+?)\]" % re.escape(opt), text):
            c.saw(where0, repr(m.group(0)))
            if m.group(1) != option_default(fields):
                c.fail(where0, "%r: the default is %s" % (m.group(0), option_default(fields)))


def library_version(path: str) -> str:
    lib = ctypes.CDLL(path)
    lib.amsize_version.restype = ctypes.c_char_p
    return lib.amsize_version().decode()


def main(argv: List[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().split("\n\n")[-1], file=sys.stderr)
        return 2
    man, readme = argv[1], argv[2]
    version = library_version(os.environ["AMSIZE_LIBRARY"])
    c = Checker()
    check_man(c, man, version)
    check_readme(c, readme)
    for s in c.seen:
        print("checked " + s)
    for f in c.failures:
        print("FAIL: " + f)
    if c.failures:
        print("%d disagreement(s) between the docs and the library's field table"
              % len(c.failures))
        return 1
    print("PASS: %d statements of a range or default in %s and %s agree with the field"
          " table" % (len(c.seen), man, readme))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
