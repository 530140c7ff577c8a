#!/usr/bin/env python3
"""Writes the app icons (PNG) into assets/icons/ with no dependencies.

The mark: stacked bars of different heights (the parts) on the Xiaomi-orange
ground, the tallest (the sum) on the right. The maskable variant keeps the
mark inside the central 80% safe zone. Run it again only to change the art;
the PNGs are committed.
"""
import struct
import zlib
from pathlib import Path

ORANGE = (0xFF, 0x69, 0x00, 0xFF)
WHITE = (0xFF, 0xFF, 0xFF, 0xFF)
CLEAR = (0, 0, 0, 0)


def png(width, pixels):
    # Indexed colour (a 3-entry palette with transparency): flat art in a
    # fraction of the bytes of RGBA, and the icons are precached on first visit.
    palette = [ORANGE, WHITE, CLEAR]
    raw = b"".join(b"\x00" + bytes(palette.index(px) for px in row) for row in pixels)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, width, 8, 3, 0, 0, 0)
    plte = b"".join(bytes(c[:3]) for c in palette)
    trns = bytes(c[3] for c in palette)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"PLTE", plte)
        + chunk(b"tRNS", trns)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def icon(size, maskable):
    # Full bleed for maskable; rounded square otherwise.
    radius = 0 if maskable else size * 0.18
    inset = size * (0.24 if maskable else 0.2)
    bars = [0.35, 0.55, 0.45, 0.9]  # heights as a share of the drawing box
    box = size - 2 * inset
    gap = box * 0.06
    bar_w = (box - gap * (len(bars) - 1)) / len(bars)
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            cx, cy = x + 0.5, y + 0.5
            inside = True
            if radius:
                dx = max(radius - cx, 0, cx - (size - radius))
                dy = max(radius - cy, 0, cy - (size - radius))
                inside = dx * dx + dy * dy <= radius * radius
            if not inside:
                row.append(CLEAR)
                continue
            px = ORANGE
            if inset <= cx < size - inset and inset <= cy < size - inset:
                i = int((cx - inset) // (bar_w + gap))
                left = inset + i * (bar_w + gap)
                if i < len(bars) and cx < left + bar_w and cy >= size - inset - bars[i] * box:
                    px = WHITE
            row.append(px)
        rows.append(row)
    return png(size, rows)


out = Path(__file__).resolve().parent.parent / "assets" / "icons"
out.mkdir(parents=True, exist_ok=True)
# icon-32.png is the tab's icon (index.html): the browser fetches it at
# once, so it is the smallest that looks sharp in a tab.
for name, size, maskable in [("icon-32.png", 32, False), ("icon-192.png", 192, False), ("icon-512.png", 512, False), ("maskable-512.png", 512, True)]:
    (out / name).write_bytes(icon(size, maskable))
    print(out / name)
