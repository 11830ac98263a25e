"""Build the card and theme pictures in assets/pictures from the Mulberry symbol set, and draw a
contact sheet of every card with its picture to check the choices by eye.

    python tools/pictures.py build [--symbols DIR]    # writes assets/pictures/*.svg and png/*.png
    python tools/pictures.py sheet OUT.png [DECK ...]  # every card, theme and persona with its picture

PICTURES below is the one list of what each picture is made of: one symbol, or two side by side for an
idea one symbol cannot carry. Mulberry symbols are CC BY-SA 4.0 (Steve Lee, mulberrysymbols.org); a
picture made of two keeps that licence (see assets/LICENCES.md). The symbols are all drawn on the same
850.394 square, so two are joined by placing their drawings side by side in one wider SVG.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "assets" / "pictures"
SYMBOLS = Path(os.environ.get("MULBERRY_SVG", "/work/shared/symbols/mulberry/svg"))
SIDE = 850.394
PNG_HEIGHT = 256  # for the Word export, which cannot embed SVG

PICTURES: dict[str, tuple[str, ...]] = {
    # themes
    "theme-living": ("house", "happy_man"),
    "theme-information": ("read_,_to",),
    "theme-connected": ("family_2",),
    "theme-my-way": ("help_,_to",),
    "theme-control": ("pick_,_to",),
    "theme-people": ("care_assistant_2a",),
    # Living the life I want
    "enjoy": ("dance_,_to",),
    "safe-home": ("house", "relax_,_to"),
    "choose-my-day": ("pick_,_to", "clock"),
    "try-new-things": ("climbing_wall",),
    "health": ("doctor_1a", "healthy"),
    "work-or-learn": ("work_,_to", "study_,_to"),
    "good-at": ("good_person",),
    "goals": ("score_goal_,_to",),
    "faith": ("pray_,_to",),
    "money": ("money",),
    # Information I need
    "understand": ("read_,_to", "correct_thought"),
    "who-to-ask": ("who",),
    "changes-early": ("calendar", "change_,_to"),
    "my-language": ("world", "talk_2_,_to"),
    "read-out-or-pictures": ("hear_,_to", "picture"),
    "see-my-notes": ("write_,_to", "look_,_to"),
    "complain": ("angry_man", "talk_2_,_to"),
    "whats-on": ("newspaper", "signpost"),
    "my-rights": ("certificate", "help_,_to"),
    "explain-again": ("show_me_,_to",),
    # Keeping connected
    "family-friends": ("family",),
    "visitors": ("visitor_1a",),
    "phone-video": ("telephone_mobile_,_to", "webcam"),
    "community": ("shop", "cafe"),
    "new-friends": ("meet_,_to",),
    "go-out": ("go_outside_,_to",),
    "belong": ("house", "join_2_,_to"),
    "help-others": ("give_,_to",),
    "travel": ("get_on_bus_,_to",),
    "clubs": ("bingo", "bowling"),
    # Support my own way
    "help-when-i-want": ("clock", "care_assistant_1a"),
    "my-words": ("talk_2_,_to", "write_,_to"),
    "say-it-once": ("talk_2_,_to", "one"),
    "choose-helpers": ("pick_,_to", "care_assistant_4a"),
    "ask-me": ("ask_,_to",),
    "help-changes": ("change_,_to", "help_,_to"),
    "same-help": ("same", "help_,_to"),
    "say-no": ("talk_2_,_to", "mistake_no_wrong"),
    "do-it-myself": ("cook_,_to",),
    "calm": ("clock", "serene_lady"),
    # Staying in control
    "my-choices": ("think_,_to", "pick_,_to"),
    "private": ("whisper_,_to",),
    "lock-my-door": ("unlock_,_to", "door"),
    "lead-meetings": ("group_work",),
    "listen-to-me": ("wrong_thought", "hear_,_to"),
    "speak-up-for-me": ("protect_,_to", "talk_2_,_to"),
    "choose-food": ("pick_,_to", "food"),
    "how-it-is-run": ("vote_,_to", "house"),
    "change-my-mind": ("change_mind_,_to",),
    "medicines": ("tablets",),
    # The people who support me
    "kind-staff": ("care_assistant_1a", "heart"),
    "staff-know-me": ("talk_3_,_to",),
    "trained-staff": ("care_assistant_2a", "certificate"),
    "same-faces": ("same", "care_assistant_2a"),
    "respect": ("shake_hands_,_to",),
    "talk-to-boss": ("head_teacher_1a", "talk_2_,_to"),
    "choose-staff": ("vote_,_to", "care_assistant_4a"),
    "promises": ("care_assistant_6a", "correct"),
    "talk-to-me": ("talk_4_,_to",),
    "teamwork": ("join_2_,_to",),
    # workshop personas
    "persona-kayla": ("take_care_of_,_to",),
    "persona-jordan": ("train",),
    "persona-marcus": ("worried_man", "dad_parent"),
    "persona-gareth": ("sign_,_to",),
    "persona-ruth": ("bingo",),
    "persona-zofia": ("flag_Poland", "church"),
    "persona-sam": ("wheelchair",),
    "persona-ann": ("bake_,_to",),
    "persona-tom": ("blind_2", "bowling"),
    "persona-edith": ("old_person_1", "nurse_1a"),
}

_OPEN = re.compile(r"<svg\b[^>]*>", re.S)
_ID = re.compile(r'\bid="([^"]+)"')


def _inner(name: str, prefix: str) -> str:
    text = (SYMBOLS / f"{name}.svg").read_text(encoding="utf-8")
    text = re.sub(r"<\?xml[^>]*>|<!--.*?-->", "", text, flags=re.S)
    body = _OPEN.sub("", text, count=1).rsplit("</svg>", 1)[0]
    # Two symbols in one file must not share ids (gradients, clip paths): give each its own prefix.
    for ident in set(_ID.findall(body)):
        body = body.replace(f'id="{ident}"', f'id="{prefix}{ident}"')
        body = body.replace(f"#{ident})", f"#{prefix}{ident})").replace(f'"#{ident}"', f'"#{prefix}{ident}"')
    # Their <style> rules share class names (.st0, .st1 ...) that mean different colours: prefix them too.
    styles = "".join(re.findall(r"<style[^>]*>(.*?)</style>", body, flags=re.S))
    names = set(re.findall(r"\.([A-Za-z_][\w-]*)", styles))
    body = re.sub(
        r"<style([^>]*)>(.*?)</style>",
        lambda m: f"<style{m.group(1)}>" + re.sub(r"\.([A-Za-z_][\w-]*)", rf".{prefix}\1", m.group(2)) + "</style>",
        body,
        flags=re.S,
    )
    body = re.sub(
        r'class="([^"]*)"',
        lambda m: 'class="' + " ".join(prefix + c if c in names else c for c in m.group(1).split()) + '"',
        body,
    )
    return body


def compose(names: tuple[str, ...]) -> str:
    if len(names) == 1:
        return (SYMBOLS / f"{names[0]}.svg").read_text(encoding="utf-8")
    gap = SIDE * 0.08
    width = SIDE * len(names) + gap * (len(names) - 1)
    parts = [
        f'<g transform="translate({i * (SIDE + gap):.3f} 0)">{_inner(n, f"s{i}-")}</g>' for i, n in enumerate(names)
    ]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.3f}" height="{SIDE}" '
        f'viewBox="0 0 {width:.3f} {SIDE}">' + "".join(parts) + "</svg>\n"
    )


def build(symbols: Path = SYMBOLS) -> None:
    import pygame

    global SYMBOLS
    SYMBOLS = symbols
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "png").mkdir(exist_ok=True)
    for old in list(OUT.glob("*.svg")) + list((OUT / "png").glob("*.png")):
        old.unlink()
    for picture, names in PICTURES.items():
        svg = OUT / f"{picture}.svg"
        svg.write_text(compose(names), encoding="utf-8")
        size = (PNG_HEIGHT * len(names) + int(PNG_HEIGHT * 0.08) * (len(names) - 1), PNG_HEIGHT)
        pygame.image.save(pygame.image.load_sized_svg(str(svg), size), str(OUT / "png" / f"{picture}.png"))
    print(f"{len(PICTURES)} pictures from {len({n for ns in PICTURES.values() for n in ns})} symbols in {OUT}")


def sheet(out: str, decks: list[str]) -> None:
    """Every card, theme and persona of the decks, each with its picture, in a grid."""
    import pygame

    from game import paths
    from game.model.deckload import load_deckset

    pygame.init()
    items: list[tuple[str, str | None]] = []
    for deck in decks or [str(p) for p in paths.shipped_decks()]:
        ds = load_deckset([deck])
        base = [(f"THEME: {t.title}", ds.theme_image(t.id)) for t in ds.themes]
        base += [(f"{c.id}: {c.text}", ds.card_image(c)) for c in ds.cards]
        items += [i for i in base if i not in items]
        items += [(f"{p.name}: {p.needs or ''}", ds.persona_image(p.id)) for p in ds.personas]
    cols, cw, ch = 6, 360, 300
    rows = (len(items) + cols - 1) // cols
    surf = pygame.Surface((cols * cw, rows * ch))
    surf.fill((255, 255, 255))
    font = pygame.font.Font(str(paths.FONTS_DIR / "DejaVuSans.ttf"), 17)
    for i, (label, image) in enumerate(items):
        x, y = (i % cols) * cw, (i // cols) * ch
        pygame.draw.rect(surf, (180, 180, 180), (x, y, cw, ch), 1)
        if image:
            pic = pygame.image.load(image) if image.endswith(".png") else None
            if pic is None:
                w, h = _svg_size(image)
                scale = min((cw - 20) / w, 190 / h)
                pic = pygame.image.load_sized_svg(image, (int(w * scale), int(h * scale)))
            surf.blit(pic, pic.get_rect(midtop=(x + cw // 2, y + 8)))
        else:
            surf.blit(font.render("NO PICTURE", True, (200, 0, 0)), (x + 10, y + 80))
        line, ty = "", y + 206
        for word in label.split():
            if font.size(line + " " + word)[0] > cw - 16 and line:
                surf.blit(font.render(line, True, (0, 0, 0)), (x + 8, ty))
                line, ty = word, ty + 20
            else:
                line = (line + " " + word).strip()
        surf.blit(font.render(line, True, (0, 0, 0)), (x + 8, ty))
    pygame.image.save(surf, out)
    print(f"{len(items)} pictures on {out}")


def _svg_size(path: str) -> tuple[float, float]:
    head = Path(path).read_text(encoding="utf-8")[:2000]
    box = re.search(r'viewBox="[\d.\s-]*?([\d.]+)\s+([\d.]+)"', head)
    return (float(box.group(1)), float(box.group(2))) if box else (SIDE, SIDE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    b = sub.add_parser("build")
    b.add_argument("--symbols", default=None)
    s = sub.add_parser("sheet")
    s.add_argument("out")
    s.add_argument("decks", nargs="*")
    args = parser.parse_args(argv)
    if args.what == "build":
        build(Path(args.symbols) if args.symbols else SYMBOLS)
    else:
        sheet(args.out, args.decks)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
