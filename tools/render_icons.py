"""Render every icon in assets/icons/*.svg to assets/icons/png/<name>.png (256 x 256, transparent).

The Word export cannot embed SVG, so it uses these PNGs; the game itself loads the SVGs at the size it
needs. Run it again after changing or adding an icon, then commit the PNGs:

    python tools/render_icons.py            # all icons, 256 x 256
    python tools/render_icons.py --size 512 --out /tmp/big --sheet /tmp/sheet.png

``--sheet`` also writes one contact sheet of every icon, on light and dark backgrounds, to look at.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "assets" / "icons"


def _pygame():
    # Headless: rendering icons needs no window or sound card.
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    if not hasattr(pygame.image, "load_sized_svg"):
        raise SystemExit(
            f"This pygame-ce ({pygame.version.ver}) has no pygame.image.load_sized_svg; "
            "install pygame-ce 2.4 or newer to render the icons."
        )
    return pygame


def render_all(src: Path = ICONS, out: Path | None = None, size: int = 256) -> tuple[list[Path], list[str]]:
    """Render each SVG in ``src``; return (PNG files written, problems as plain sentences)."""
    pygame = _pygame()
    out = out or src / "png"
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    problems: list[str] = []
    for svg in sorted(src.glob("*.svg")):
        try:
            surf = pygame.image.load_sized_svg(str(svg), (size, size))
        except (pygame.error, OSError, ValueError) as exc:
            problems.append(f"{svg.name}: could not be drawn ({exc}). Check the SVG is well formed.")
            continue
        if surf.get_size() != (size, size):
            # A viewBox that is not square comes out a different shape; pad it to a square, centred.
            square = pygame.Surface((size, size), pygame.SRCALPHA)
            square.blit(surf, surf.get_rect(center=(size // 2, size // 2)))
            surf = square
        if surf.get_bounding_rect().width == 0:
            problems.append(f"{svg.name}: drew nothing. Check the shapes have fill or stroke set.")
            continue
        target = out / f"{svg.stem}.png"
        pygame.image.save(surf, str(target))
        written.append(target)
    return written, problems


def contact_sheet(pngs: list[Path], target: Path, cell: int = 96) -> None:
    """Every icon twice, tinted dark on light and light on dark, with its name, for a quick look."""
    pygame = _pygame()
    pygame.font.init()
    font = pygame.font.Font(str(ROOT / "assets" / "fonts" / "DejaVuSans.ttf"), 12)
    cols = 6
    rows = (len(pngs) + cols - 1) // cols
    sheet = pygame.Surface((cols * cell * 2, rows * (cell + 18)))
    for i, path in enumerate(pngs):
        icon = pygame.transform.smoothscale(pygame.image.load(str(path)), (cell - 16, cell - 16))
        x, y = (i % cols) * cell * 2, (i // cols) * (cell + 18)
        for j, (bg, fg) in enumerate((((245, 245, 240), (20, 20, 20)), ((25, 30, 40), (250, 220, 90)))):
            sheet.fill(bg, (x + j * cell, y, cell, cell + 18))
            tinted = icon.copy()
            # The icons are black; adding a colour to black tints them, as the game does.
            tinted.fill(fg, special_flags=pygame.BLEND_RGB_ADD)
            sheet.blit(tinted, (x + j * cell + 8, y + 4))
        sheet.blit(font.render(path.stem, True, (200, 0, 0)), (x + 4, y + cell + 2))
    pygame.image.save(sheet, str(target))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", type=int, default=256, help="width and height in pixels (default 256)")
    p.add_argument("--src", type=Path, default=ICONS, help="folder of SVG icons")
    p.add_argument("--out", type=Path, default=None, help="folder for PNGs (default: <src>/png)")
    p.add_argument("--sheet", type=Path, default=None, help="also save a contact sheet PNG here")
    args = p.parse_args(argv)
    if args.size < 8 or args.size > 4096:
        print("Size must be between 8 and 4096 pixels.", file=sys.stderr)
        return 2
    written, problems = render_all(args.src, args.out, args.size)
    for line in problems:
        print(line, file=sys.stderr)
    print(f"Rendered {len(written)} icons at {args.size}x{args.size} into {(args.out or args.src / 'png')}")
    if args.sheet and written:
        contact_sheet(written, args.sheet)
        print(f"Contact sheet: {args.sheet}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
