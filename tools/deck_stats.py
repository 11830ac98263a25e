"""Word counts and a reading-ease score for deck files, to help writers keep cards short and plain.

    python tools/deck_stats.py decks/making-it-real.yaml [more decks ...]

For each deck: cards per theme, the longest cards, cards over 15 words, cards missing easy read or
"we" wording, and the average Flesch reading ease of the statements (English only; 80+ is easy,
60-70 is plain English). It reads the YAML directly and does not check the format: use
``making-it-real check`` for that.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

MAX_WORDS = 15


def words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text)]


def syllables(word: str) -> int:
    """A rough English syllable count: vowel groups, less a silent final e. Good enough to compare cards."""
    w = word.lower()
    groups = re.findall(r"[aeiouy]+", w)
    n = len(groups)
    if w.endswith("e") and not w.endswith(("le", "ee")) and n > 1:
        n -= 1
    return max(1, n)


def reading_ease(text: str) -> float:
    ws = words(text)
    if not ws:
        return 0.0
    sentences = max(1, len(re.findall(r"[.!?]+", text)))
    syl = sum(syllables(w) for w in ws)
    return 206.835 - 1.015 * (len(ws) / sentences) - 84.6 * (syl / len(ws))


def report(path: Path) -> list[str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return [f"{path}: cannot read it ({exc.__class__.__name__}). Run `making-it-real check {path}`."]
    if not isinstance(data, dict):
        return [f"{path}: this is not a deck. Run `making-it-real check {path}`."]
    cards = [c for c in data.get("cards") or [] if isinstance(c, dict) and isinstance(c.get("text"), str)]
    lines = [f"{path}: {data.get('title', '?')} ({data.get('language', '?')}), {len(cards)} cards"]
    if not cards:
        return lines
    per_theme = Counter(str(c.get("theme")) for c in cards)
    lines.append("  cards per theme: " + ", ".join(f"{t} {n}" for t, n in per_theme.items()))
    counts = [len(words(c["text"])) for c in cards]
    lines.append(f"  words per card: average {sum(counts) / len(counts):.1f}, most {max(counts)}")
    longest = sorted(cards, key=lambda c: -len(words(c["text"])))[:3]
    for c in longest:
        lines.append(f"    {len(words(c['text'])):>2} words  {c.get('id')}: {c['text']}")
    over = [c.get("id") for c in cards if len(words(c["text"])) > MAX_WORDS]
    lines.append(f"  over {MAX_WORDS} words: {', '.join(map(str, over)) or 'none'}")
    for field in ("easy_read", "we"):
        missing = [str(c.get("id")) for c in cards if not c.get(field)]
        lines.append(f"  missing {field}: {', '.join(missing) or 'none'}")
    easy = [c for c in cards if c.get("easy_read")]
    if easy:
        avg = sum(len(words(c["easy_read"])) for c in easy) / len(easy)
        lines.append(f"  easy read words per card: average {avg:.1f}")
    if str(data.get("language", "")).lower().startswith("en"):
        ease = sum(reading_ease(c["text"]) for c in cards) / len(cards)
        lines.append(f"  reading ease (Flesch, statements): {ease:.0f}")
        if easy:
            ease_er = sum(reading_ease(c["easy_read"]) for c in easy) / len(easy)
            lines.append(f"  reading ease (Flesch, easy read): {ease_er:.0f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    files = [Path(a) for a in (sys.argv[1:] if argv is None else argv)]
    if not files:
        print(__doc__.strip().splitlines()[2].strip())
        return 2
    code = 0
    for f in files:
        if not f.is_file():
            print(f"{f}: no such file.")
            code = 2
            continue
        print("\n".join(report(f)))
    return code


if __name__ == "__main__":
    sys.exit(main())
