"""Draw IKONE's icons and its sharing image from one geometry.

Usage: python scripts/make_icons.py   (after `make assets`, which provides Fira Sans)

Writes src/ikone/core/static/ikone/icons/: icon.svg (the favicon browsers
prefer), favicon.ico (16, 32 and 48 px for the rest), apple-touch-icon.png
(180 px), icon-192.png and icon-512.png (web app manifest, the 512 one also
"maskable": the motif stays inside the safe zone) and share.png (1200 x 630,
the Open Graph/Twitter image). The files are committed; rerun this after
changing the motif. A developer tool, not shipped.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src/ikone/core/static/ikone/icons"
FONT = ROOT / "src/ikone/core/static/vendor/kern/fonts/fira-sans/FiraSans-SemiBold.woff2"

BLUE = "#0b5cd5"  # KERN's action colour, as in ikone.css
INK = "#171a2b"
WHITE = "#ffffff"

# The motif on a 100 x 100 canvas: three municipalities (nodes) joined into
# one network. Kept well inside the 80 % safe zone of maskable icons.
NODES = ((30.0, 66.0), (70.0, 66.0), (50.0, 31.0))
NODE_RADIUS = 10.0
LINE_WIDTH = 6.0
CORNER = 22.0


def svg() -> str:
    lines = "".join(
        f'<line x1="{a[0]}" y1="{a[1]}" x2="{b[0]}" y2="{b[1]}"/>'
        for a, b in ((NODES[0], NODES[1]), (NODES[1], NODES[2]), (NODES[2], NODES[0]))
    )
    circles = "".join(f'<circle cx="{x}" cy="{y}" r="{NODE_RADIUS}"/>' for x, y in NODES)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        f'<rect width="100" height="100" rx="{CORNER}" fill="{BLUE}"/>'
        f'<g stroke="{WHITE}" stroke-width="{LINE_WIDTH}" stroke-linecap="round">{lines}</g>'
        f'<g fill="{WHITE}">{circles}</g>'
        "</svg>\n"
    )


def motif(size: int, *, rounded: bool = True, scale: float = 1.0) -> Image.Image:
    """The icon at `size` pixels, drawn 4x larger and scaled down for smooth edges."""
    big = size * 4
    unit = big / 100
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if rounded:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=CORNER * unit, fill=BLUE)
    else:
        draw.rectangle((0, 0, big, big), fill=BLUE)

    def at(point: tuple[float, float]) -> tuple[float, float]:
        x, y = point
        return (50 + (x - 50) * scale) * unit, (50 + (y - 50) * scale) * unit

    width = round(LINE_WIDTH * scale * unit)
    for a, b in ((NODES[0], NODES[1]), (NODES[1], NODES[2]), (NODES[2], NODES[0])):
        draw.line((at(a), at(b)), fill=WHITE, width=width)
    radius = NODE_RADIUS * scale * unit
    for node in NODES:
        x, y = at(node)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=WHITE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def share_image() -> Image.Image:
    image = Image.new("RGB", (1200, 630), WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 1200, 24), fill=BLUE)
    icon = motif(280)
    image.paste(icon, (90, 175), icon)
    title = ImageFont.truetype(str(FONT), 120)
    claim = ImageFont.truetype(str(FONT), 44)
    draw.text((430, 190), "IKONE", font=title, fill=INK)
    draw.text((432, 345), "Interkommunales Netzwerk", font=claim, fill=INK)
    draw.text((432, 400), "Digitale Stadt", font=claim, fill=INK)
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "icon.svg").write_text(svg())
    motif(48).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    # iOS rounds the corners itself and shows transparency as black.
    motif(180, rounded=False).convert("RGB").save(OUT / "apple-touch-icon.png", optimize=True)
    motif(192).save(OUT / "icon-192.png", optimize=True)
    motif(512, rounded=False, scale=0.8).save(OUT / "icon-512.png", optimize=True)
    share_image().save(OUT / "share.png", optimize=True)


if __name__ == "__main__":
    main()
