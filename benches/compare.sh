#!/usr/bin/env bash
# Big articles, sahifa next to less and fribidi, in one table.
#
#   benches/compare.sh            # 1, 10 and 100 MB
#   SIZES="1 10" benches/compare.sh
#   SAHIFA=/path/to/sahifa benches/compare.sh   # another build (no cargo build)
#
# Builds the release binary, writes Arabic articles of each size (the sample's paragraphs under
# numbered headings) into $OUT (default target/compare), then measures: the first screen in a
# pseudo-terminal (benches/pty_time.py) for `sahifa FILE` and `less FILE`, and on the biggest
# article `G` and a resize; `print`, `json` and `shot` time and peak memory (/usr/bin/time -v);
# `bidi` against `fribidi --nobreak --nopad` on the same lines. Needs python3, less, fribidi and
# GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1 10 100"}
OUT=${OUT:-target/compare}
mkdir -p "$OUT"
if [ -n "${SAHIFA:-}" ]; then
  BIN=$(realpath "$SAHIFA")
else
  cargo build --release --quiet
  BIN=$PWD/target/release/sahifa
fi
export XDG_STATE_HOME=$PWD/$OUT/state XDG_CONFIG_HOME=$PWD/$OUT/config NO_COLOR=1

article() { # article MB PATH: the sample's body repeated under numbered headings
  python3 - "$1" "$2" assets/raqqa-news-ar.txt <<'PY'
import sys
mb, path, sample = int(sys.argv[1]), sys.argv[2], sys.argv[3]
body = "\n".join(open(sample, encoding="utf-8").read().splitlines()[2:]).encode()
size = mb << 20
with open(path, "wb") as f:
    f.write("مقالة طويلة جدا\n\nللاختبار فقط\n\n".encode())
    n, written = 0, 0
    while written < size:
        n += 1
        chunk = f"الفصل {n}\n\n".encode() + body + b"\n\n"
        f.write(chunk)
        written += len(chunk)
PY
}

measure() { # measure CMD...: "SECONDS PEAK_MB" of a command, output thrown away
  /usr/bin/time -v "$@" >/dev/null 2>"$OUT/time.txt" </dev/null || true
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
              /Maximum resident set size/ { m = $2 }
              END { printf "%.2f s %d MB\n", s, m / 1024 }' "$OUT/time.txt"
}

field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); sahifa ${SAHIFA:-$(git describe --always --dirty 2>/dev/null || echo "?")}"
echo
echo "| article | first screen sahifa | first screen less | reader peak | G | resize | print | json | shot | bidi | fribidi |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
biggest=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)
# The sample article first: the time a small article takes, which big ones are held to.
s=$(python3 benches/pty_time.py -- "$BIN" --no-state assets/raqqa-news-ar.txt)
l=$(python3 benches/pty_time.py -- less assets/raqqa-news-ar.txt)
echo "| sample (8 KB) | $(echo "$s" | field first) s | $(echo "$l" | field first) s | $(echo "$s" | field hwm) MB | | | | | | | |"
for mb in $SIZES; do
  file=$OUT/article-$mb.txt
  [ -s "$file" ] || article "$mb" "$file"
  keys="" resize="" settle=0
  if [ "$mb" = "$biggest" ]; then keys=G resize=80x24 settle=${SETTLE:-10}; fi
  s=$(python3 benches/pty_time.py --keys "$keys" ${resize:+--resize $resize} --settle "$settle" -- "$BIN" --no-state "$file")
  l=$(python3 benches/pty_time.py -- less "$file")
  print=$(measure "$BIN" print --width 80 "$file")
  json=$(measure "$BIN" json "$file")
  shot=$(measure "$BIN" shot "$file" -o "$OUT/shot.txt")
  bidi=$(measure "$BIN" bidi "$file")
  fribidi=$(measure fribidi --nobreak --nopad "$file")
  g=$(echo "$s" | field key0); r=$(echo "$s" | field resize)
  echo "| $mb MB | $(echo "$s" | field first) s | $(echo "$l" | field first) s | $(echo "$s" | field hwm) MB | ${g:--}${g:+ s} | ${r:--}${r:+ s} | $print | $json | $shot | $bidi | $fribidi |"
done
echo
echo "first screen: start to the end of the first screenful in a 100x30 pseudo-terminal; reader peak:"
echo "VmHWM before quitting (on the biggest article after G, the resize and ${SETTLE:-10} s more);"
echo "G and resize (to 80x24): key or SIGWINCH to the end of the redraw; print, json, shot, bidi,"
echo "fribidi: wall time and peak resident memory (/usr/bin/time -v)."
