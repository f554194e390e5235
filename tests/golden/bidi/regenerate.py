#!/usr/bin/python3
"""Regenerates the expected files of the bidi golden corpus and checks them.

  /usr/bin/python3 regenerate.py [--oracle bidi-reference] [--arabic-shaping ArabicShaping.txt.gz] [X.txt ...]

Defaults: the bidi-reference script next to this one, and tests/data/ArabicShaping.txt.gz.

For every topic file X.txt (default: all of them next to this script), each line one paragraph:

  X.unshaped.txt  the oracle's ICU output (visual order, mirrored, controls removed)
  X.shaped.txt    the oracle's FriBidi output (reordered and shaped to presentation forms)
  X.disputed.txt  the lines where the oracle is wrong, with the oracle's answer, the right one and why

The right answer is computed a second, independent way and compared with both oracle outputs:
Arabic is shaped here in logical order from ArabicShaping.txt (joining limited to one directional
run, lam-alef as one ligature even with harakat between lam and alef, harakat kept after it), then
reordered with ICU. A line where the oracle and this computation disagree for a reason not listed
in REASONS stops the script: someone has to look at it.
Needs Debian's python3-icu (run with /usr/bin/python3).
"""
import argparse, difflib, gzip, os, subprocess, sys, unicodedata

import icu

LAM = '\u0644'
ALEFS = '\u0622\u0623\u0625\u0627'
ALM, LRO = '\u061c', '\u202d'
# Never in expected output: bidi controls (ALM included), ZWJ/ZWNJ, the FriBidi filler, tab, C0, C1.
FORBIDDEN = {0x061C, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF, *range(0x202A, 0x202F),
             *range(0x2066, 0x206A), *range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)}
ICU_OPTIONS = icu.Bidi.DO_MIRRORING | icu.Bidi.REMOVE_BIDI_CONTROLS | icu.Bidi.KEEP_BASE_COMBINING


def load_joining_types(path):
    opener = gzip.open if path.endswith('.gz') else open
    types = {}
    with opener(path, 'rt', encoding='utf-8') as f:
        for line in f:
            fields = [x.strip() for x in line.split('#')[0].split(';')]
            if len(fields) >= 3:
                types[int(fields[0], 16)] = fields[2]
    return types


def presentation_forms():
    """(letters, form) -> presentation form, and presentation form -> letters, from decompositions."""
    forms, letters = {}, {}
    for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]:
        tag, *cps = unicodedata.decomposition(chr(cp)).split() or ['']
        tag = tag.strip('<>')
        if tag in ('isolated', 'final', 'initial', 'medial'):
            base = ''.join(chr(int(x, 16)) for x in cps)
            forms.setdefault((base, tag), chr(cp))
            letters[chr(cp)] = base
    return forms, letters


class Shaper:
    def __init__(self, joining_types):
        self.types = joining_types
        self.forms, self.letters = presentation_forms()

    def joining(self, c):
        if ord(c) in self.types:
            return self.types[ord(c)]
        # ArabicShaping.txt: unlisted Mn, Me and Cf are transparent, everything else non-joining.
        return 'T' if unicodedata.category(c) in ('Mn', 'Me', 'Cf') else 'U'

    def shape(self, text, levels):
        """Logical-order shaping; letters join only inside one directional run (UAX #9 3.5: same
        embedding direction)."""
        n, t = len(text), [self.joining(c) for c in text]

        def neighbour(i, step):
            j = i + step
            while 0 <= j < n and t[j] == 'T':
                j += step
            return j if 0 <= j < n else None

        out, i = [], 0
        while i < n:
            c = text[i]
            if t[i] not in 'RDL':
                out.append(c)
                i += 1
                continue
            p, q = neighbour(i, -1), neighbour(i, 1)
            joins_prev = t[i] in 'RD' and p is not None and t[p] in 'DLC' and levels[p] % 2 == levels[i] % 2
            joins_next = t[i] in 'DL' and q is not None and t[q] in 'DRC' and levels[q] % 2 == levels[i] % 2
            if c == LAM and q is not None and text[q] in ALEFS and levels[q] % 2 == levels[i] % 2:
                form = 'final' if joins_prev else 'isolated'
                # The ligature, then the marks that stood between lam and alef, in logical order.
                out.append(self.forms[(c + text[q], form)])
                out.extend(text[i + 1:q])
                i = q + 1
                continue
            form = {(True, True): 'medial', (True, False): 'final',
                    (False, True): 'initial', (False, False): 'isolated'}[(joins_prev, joins_next)]
            out.append(self.forms.get((c, form), c))
            i += 1
        return ''.join(out)


# Base direction from the file name: X.rtl.txt and X.ltr.txt force it, anything else is auto.
PARA_LEVEL = {'rtl': 1, 'ltr': 0, None: icu.Bidi.DEFAULT_LTR}


def direction_of(path):
    for d in ('rtl', 'ltr'):
        if path.endswith(f'.{d}.txt'):
            return d
    return None


def icu_bidi(text, direction):
    b = icu.Bidi()
    b.setPara(icu.UnicodeString(text), PARA_LEVEL[direction])
    return b


def icu_levels(text, direction):
    b, levels, unit = icu_bidi(text, direction), [], 0
    for c in text:
        levels.append(b.getLevelAt(unit))
        unit += 2 if ord(c) > 0xFFFF else 1
    return levels


def clean(text):
    return ''.join(c for c in text if ord(c) not in FORBIDDEN)


def right_answers(shaper, line, direction):
    """(unshaped, shaped) computed independently of FriBidi."""
    unshaped = clean(str(icu_bidi(line, direction).writeReordered(ICU_OPTIONS)))
    shaped_logical = shaper.shape(line, icu_levels(line, direction))
    shaped = clean(str(icu_bidi(shaped_logical, direction).writeReordered(ICU_OPTIONS)))
    return unshaped, shaped


def reasons(shaper, line, kind, oracle):
    """Why the oracle's answer for this line is wrong; empty when no known reason applies."""
    why = []
    if ALM in oracle:
        why.append('ALM (U+061C) is a bidi control: DESIGN removes it from output, but ICU 72 '
                   'and FriBidi 1.0.8 both keep it')
    if kind == 'shaped':
        t = [shaper.joining(c) for c in line]
        for i, c in enumerate(line):
            j = i + 1
            while j < len(line) and t[j] == 'T' and line[j] not in '\u200c\u200d':
                j += 1
            if c == LAM and j > i + 1 and j < len(line) and line[j] in ALEFS:
                marks = ' '.join(f'U+{ord(m):04X}' for m in line[i + 1:j])
                why.append(f'FriBidi forms no lam-alef ligature when a haraka ({marks}) sits '
                           f'between lam and alef (in "{word_at(line, i)}"); the ligature '
                           'is still due, with the haraka after it')
        if LRO in line:
            why.append('FriBidi shapes LRO text as if it were reversed; shaping follows '
                       'logical order inside the directional run (UAX #9 section 3.5)')
    return why


def same_order(shaper, shaped, unshaped):
    """Same letters in the same order, and the same marks in the same order.

    A lam-alef ligature stands for its two letters in either visual order (alef left of lam in
    an RTL run, right of it under an LTR override). Marks are compared apart: after a lam-alef
    ligature they follow the ligature, not the lam."""
    def split(s):
        return ([c for c in s if unicodedata.category(c) != 'Mn'],
                [c for c in s if unicodedata.category(c) == 'Mn'])
    (a, a_marks), (b, b_marks) = split(shaped), split(unshaped)
    if a_marks != b_marks:
        return False
    j = 0
    for c in a:
        letters = shaper.letters.get(c, c)
        if sorted(b[j:j + len(letters)]) != sorted(letters) or \
                (len(letters) == 1 and b[j] != letters):
            return False
        j += len(letters)
    return j == len(b)


def word_at(text, i):
    start = text.rfind(' ', 0, i) + 1
    end = text.find(' ', i)
    return text[start:] if end < 0 else text[start:end]


def run_oracle(oracle, path, *flags):
    with open(path, encoding='utf-8') as f:
        out = subprocess.run(['/usr/bin/python3', oracle, *flags], stdin=f, capture_output=True,
                             text=True, check=True).stdout
    return out.split('\n')[:-1]


def hex_of(text):
    return ' '.join(f'{ord(c):04X}' for c in text)


def differences(a, b):
    """Where two strings differ, as code points: 'at N: A -> B' per changed stretch."""
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != 'equal':
            out.append(f'at {i1 + 1}: {hex_of(a[i1:i2]) or "nothing"} -> {hex_of(b[j1:j2]) or "nothing"}')
    return '; '.join(out)


HEADER = """\
# Lines of {name} where the reference tool's answer is wrong; {stem}.unshaped.txt and
# {stem}.shaped.txt hold the right answer instead. Written by regenerate.py.
# One entry per disputed line, entries separated by a blank line:
#   line N                  line number in {name} (1-based)
#   unshaped oracle: TEXT   what bidi-reference printed (ICU), when the unshaped answer is disputed
#   unshaped right: TEXT    what {stem}.unshaped.txt holds instead
#   shaped oracle: TEXT     what bidi-reference --shaped printed (FriBidi), when disputed
#   shaped right: TEXT      what {stem}.shaped.txt holds instead
#   unshaped|shaped differs: at N: A -> B; ...
#                           the changed stretches, as hex code points: N is the 1-based
#                           character position in the oracle's line, A its code points, B the right ones
#   why: REASON             one line per reason
"""


def regenerate(path, oracle, shaper):
    stem = path[:-len('.txt')]
    lines = open(path, encoding='utf-8').read().split('\n')[:-1]
    for n, line in enumerate(lines, 1):
        bad = [f'U+{ord(c):04X}' for c in line if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0]
        if bad:
            sys.exit(f'{path}:{n}: tab or C0/C1 control characters {bad} do not belong here')
    direction = direction_of(path)
    forced = [f'--{direction}'] if direction else []
    oracle_out = {'unshaped': run_oracle(oracle, path, *forced),
                  'shaped': run_oracle(oracle, path, '--shaped', *forced)}
    expected = {'unshaped': [], 'shaped': []}
    entries, problems = [], []
    for n, line in enumerate(lines, 1):
        right = dict(zip(('unshaped', 'shaped'), right_answers(shaper, line, direction)))
        entry = []
        why = []
        for kind in ('unshaped', 'shaped'):
            got = oracle_out[kind][n - 1]
            expected[kind].append(right[kind])
            if got == right[kind]:
                continue
            kind_why = reasons(shaper, line, kind, got)
            if not kind_why:
                problems.append(f'{path}:{n} {kind}: unexplained disagreement\n  oracle: {got}\n'
                                f'  right:  {right[kind]}\n  oracle hex: {hex_of(got)}\n'
                                f'  right hex:  {hex_of(right[kind])}')
            entry += [f'{kind} oracle: {got}', f'{kind} right: {right[kind]}',
                      f'{kind} differs: {differences(got, right[kind])}']
            why += [w for w in kind_why if w not in why]
        # Cross-check: ICU and FriBidi order the letters alike, and so does the shaped answer.
        for name, shaped in (('FriBidi', clean(oracle_out['shaped'][n - 1])),
                             ('shaped answer', expected['shaped'][-1])):
            if not same_order(shaper, shaped, right['unshaped']):
                problems.append(f'{path}:{n}: {name} orders letters unlike ICU\n'
                                f'  ICU:   {right["unshaped"]}\n  other: {shaped}')
        if entry:
            entries.append('\n'.join([f'line {n}', *entry, *(f'why: {w}' for w in why)]))
    if problems:
        sys.exit('\n'.join(problems))
    for kind in ('unshaped', 'shaped'):
        with open(f'{stem}.{kind}.txt', 'w', encoding='utf-8') as f:
            f.writelines(x + '\n' for x in expected[kind])
    disputed = f'{stem}.disputed.txt'
    if entries:
        name = os.path.basename(path)
        with open(disputed, 'w', encoding='utf-8') as f:
            f.write(HEADER.format(name=name, stem=name[:-len('.txt')]) + '\n')
            f.write('\n\n'.join(entries) + '\n')
    elif os.path.exists(disputed):
        os.remove(disputed)
    return len(lines), len(entries)


def topic_files(directory):
    derived = ('.unshaped.txt', '.shaped.txt', '.disputed.txt')
    return sorted(os.path.join(directory, f) for f in os.listdir(directory)
                  if f.endswith('.txt') and not f.endswith(derived))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument('--oracle', default=os.path.join(here, 'bidi-reference'),
                    help='path of the bidi-reference script')
    ap.add_argument('--arabic-shaping',
                    default=os.path.join(here, '..', '..', 'data', 'ArabicShaping.txt.gz'),
                    help='ArabicShaping.txt, optionally gzipped')
    ap.add_argument('files', nargs='*')
    args = ap.parse_args()
    shaper = Shaper(load_joining_types(args.arabic_shaping))
    files = args.files or topic_files(here)
    total = disputed = 0
    for path in files:
        n, d = regenerate(path, args.oracle, shaper)
        total, disputed = total + n, disputed + d
        print(f'{os.path.basename(path)}: {n} paragraphs, {d} disputed')
    print(f'total: {total} paragraphs, {disputed} disputed')


if __name__ == '__main__':
    main()
