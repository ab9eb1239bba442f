# Shared by the amsize command's tests: sourced, not run.
# run NAME STATUS ARGS...: runs amsize, keeping stdout in $out, stderr in $err.
b="${top_builddir:-.}"
s="${top_srcdir:-.}"
A="$b/tools/amsize"
D="$s/tests/cli/data"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/amsize-test.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
out="$tmp/out"
err="$tmp/err"
passed=0
failed=0

ok() { passed=$((passed + 1)); printf 'ok - %s\n' "$*"; }
bad() { failed=$((failed + 1)); printf 'FAIL - %s\n' "$*"; }

run() {
    name=$1 want=$2
    shift 2
    "$A" "$@" >"$out" 2>"$err"
    rc=$?
    if [ "$rc" -eq "$want" ]; then
        ok "$name: exit $want"
    else
        bad "$name: exit $rc, expected $want"
        sed 's/^/    | /' "$err"
    fi
}

# err_has TEXT: stderr of the last run contains TEXT (fixed string).
err_has() {
    if grep -qF -- "$1" "$err"; then ok "$name: says '$1'"; else
        bad "$name: stderr lacks '$1'"
        sed 's/^/    | /' "$err"
    fi
}

# err_is TEXT: stderr of the last run is exactly TEXT and a newline.
err_is() {
    if printf '%s\n' "$1" | cmp -s - "$err"; then ok "$name: says exactly '$1'"; else
        bad "$name: stderr is not exactly '$1'"
        sed 's/^/    | /' "$err"
    fi
}

# out_is TEXT: stdout of the last run is exactly TEXT and a newline.
out_is() {
    if printf '%s\n' "$1" | cmp -s - "$out"; then ok "$name: prints exactly '$1'"; else
        bad "$name: stdout is not exactly '$1'"
        sed 's/^/    | /' "$out"
    fi
}

out_has() {
    if grep -qF -- "$1" "$out"; then ok "$name: prints '$1'"; else
        bad "$name: stdout lacks '$1'"
    fi
}

# expect ROW COLUMN VALUE: exact cell of the csv in $out (unquoted rows).
expect() {
    v=$(awk -F, -v r="$1" -v c="$2" \
        'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next } $1 == r { print $(h[c]) }' "$out")
    if [ "$v" = "$3" ]; then ok "$1 $2 = '$3'"; else bad "$1 $2 = '$v', expected '$3'"; fi
}

# near ROW COLUMN VALUE: the cell within 1e-12 relative of VALUE.
near() {
    v=$(awk -F, -v r="$1" -v c="$2" \
        'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next } $1 == r { print $(h[c]) }' "$out")
    if awk -v a="$v" -v e="$3" 'BEGIN { d = a - e; if (d < 0) d = -d; m = e < 0 ? -e : e;
                                   exit !(a != "" && d <= 1e-12 * (m > 1 ? m : 1)) }'; then
        ok "$1 $2 ~ $3"
    else
        bad "$1 $2 = '$v', expected about $3"
    fi
}

finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit $?
}

# xlsx_check FILE SCRIPT: every XML part of the workbook must be
# well-formed; SCRIPT (Python, run only when python3 is there: callers
# check) then sees z (the zip), sheets = {name: {cell: value}}, frozen =
# {name: pane attributes}, charts = [chart XML] and rels = [the sheets'
# relationship parts].
xlsx_check() {
    python3 -c '
import re, sys, zipfile
from xml.dom import minidom
z = zipfile.ZipFile(sys.argv[1])
docs = {}
for part in z.namelist():
    if part.endswith(".xml") or part.endswith(".rels"):
        docs[part] = minidom.parseString(z.read(part))  # raises if malformed
def text(node):
    return "".join(t.data for t in node.childNodes if t.nodeType == t.TEXT_NODE)
names = [s.getAttribute("name") for s in docs["xl/workbook.xml"].getElementsByTagName("sheet")]
sheets, frozen = {}, {}
for i, name in enumerate(names, 1):
    doc = docs["xl/worksheets/sheet%d.xml" % i]
    cells = {}
    for c in doc.getElementsByTagName("c"):
        t = c.getElementsByTagName("t")
        v = c.getElementsByTagName("v")
        cells[c.getAttribute("r")] = (text(t[0]) if t else float(text(v[0])) if v else None)
    sheets[name] = cells
    panes = doc.getElementsByTagName("pane")
    frozen[name] = dict(panes[0].attributes.items()) if panes else {}
charts = [z.read(p).decode() for p in sorted(z.namelist()) if p.startswith("xl/charts/")]
rels = [p for p in z.namelist() if p.startswith("xl/worksheets/_rels/")]
exec(sys.argv[2])
' "$1" "$2"
}
