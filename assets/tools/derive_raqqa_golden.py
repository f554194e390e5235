#!/usr/bin/python3
"""Derives tests/golden/raqqa-width60.txt (the sample article through `sahifa bidi --width 60`)
from the FriBidi oracle, independently of sahifa's code:

    /usr/bin/python3 assets/tools/derive_raqqa_golden.py /path/to/bidi-reference > tests/golden/raqqa-width60.txt

fribidi(1) wraps *after* reordering, so its own --width output cannot be used. Instead:
1. each paragraph (input line) is split into words at spaces — the article's only UAX #14 break
   opportunities are after spaces (no hyphenated or slashed words);
2. each word is shaped by the oracle on its own (a space never joins, so a word's shape does not
   depend on its neighbours) and measured: one cell per character, marks and format characters
   none (the article has no wide characters);
3. words are filled greedily into lines of at most 60 cells, the spaces at a break dropped;
4. each logical line goes through the oracle (`bidi-reference --shaped`) with the paragraph's
   direction forced (first strong character of the paragraph), and RTL lines are right-aligned
   to 60 cells.
Step 4 resolves each line on its own rather than in its paragraph; in this article no line's
order depends on text beyond its ends (checked: every paragraph's unwrapped oracle output equals
sahifa's unwrapped output too, see tests/golden_raqqa.rs).
"""
import subprocess
import sys
import unicodedata

WIDTH = 60
ORACLE = sys.argv[1]


def oracle(lines, direction):
    text = "".join(line + "\n" for line in lines)
    out = subprocess.run(["/usr/bin/python3", ORACLE, "--shaped", f"--{direction}"],
                         input=text, capture_output=True, text=True, check=True).stdout
    return out.split("\n")[: len(lines)]


def cells(text):
    return sum(0 if unicodedata.category(c) in ("Mn", "Me", "Cf") else 1 for c in text)


def direction(paragraph):
    for c in paragraph:
        kind = unicodedata.bidirectional(c)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return "ltr"


def main():
    with open("assets/raqqa-news-ar.txt", encoding="utf-8") as f:
        paragraphs = f.read().split("\n")
    if paragraphs and paragraphs[-1] == "":
        paragraphs.pop()
    for paragraph in paragraphs:
        words = paragraph.split(" ")
        widths = [cells(w) for w in oracle(words, "rtl")] if words != [""] else [0]
        lines, current, used = [], [], 0
        for word, width in zip(words, widths):
            if current and used + 1 + width > WIDTH:
                lines.append(" ".join(current))
                current, used = [], 0
            used += width if not current else 1 + width
            current.append(word)
        lines.append(" ".join(current))
        dir_ = direction(paragraph)
        for line in oracle(lines, dir_):
            line = line.strip(" ")
            pad = WIDTH - cells(line) if dir_ == "rtl" else 0
            print(" " * pad + line)


if __name__ == "__main__":
    main()
