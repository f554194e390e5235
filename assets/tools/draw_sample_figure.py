#!/usr/bin/env python3
"""Draws the figure of the Arabic Markdown sample: a plan of the Mogran confluence in Khartoum,
where the Blue Nile (from the east) and the White Nile (from the south) join, with the water
station on the tongue of land between them. Writes a binary PPM to stdout; the committed JPEG is
made with netpbm:

    python3 assets/tools/draw_sample_figure.py | pnmtojpeg --quality=85 \
        > assets/samples/images/mogran-station.jpg
"""
import sys

W, H = 192, 108
SAND = (222, 200, 150)
GREEN = (120, 160, 90)
BLUE = (30, 70, 160)
WHITE_NILE = (200, 210, 205)
NILE = (90, 120, 170)
STATION = (70, 70, 80)
ROOF = (180, 60, 50)


def colour(x, y):
    # The main Nile leaves northwards (up) from the confluence at (96, 54).
    if 86 <= x <= 106 and y < 54:
        return NILE
    # The Blue Nile comes in from the east (right), a band around y = 54.
    if x > 96 and abs(y - 54 - (x - 96) // 8) <= 8:
        return BLUE
    # The White Nile comes in from the south (down), a band around x = 96.
    if y >= 54 and abs(x - 96 + (y - 54) // 6) <= 9:
        return WHITE_NILE
    # The station: a block with a red roof on the land between the two rivers.
    if 118 <= x <= 150 and 74 <= y <= 96:
        return ROOF if y < 80 else STATION
    # Fields along the banks, sand elsewhere.
    if (x + y) % 23 < 3 and y > 20:
        return GREEN
    return SAND


def main():
    out = sys.stdout.buffer
    out.write(b"P6\n%d %d\n255\n" % (W, H))
    out.write(bytes(c for y in range(H) for x in range(W) for c in colour(x, y)))


if __name__ == "__main__":
    main()
