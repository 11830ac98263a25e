"""Several deck files together: each extension deck linked to its base (from the given files or the
search folders), and what only makes sense across decks: duplicate deck ids, loops, clashing ids,
translations, and the order decks are merged in (bases first).
"""

from __future__ import annotations

from pathlib import Path

from game.model.deck_file import DeckFile, read_deck_file
from game.model.deck_problem import Finding
from game.model.deck_rules import ids, items, unknown_themes
from game.words import Words

_TRANSLATED_SECTIONS = ("themes", "cards", "prompts", "scale")
_MAX_LISTED_IDS = 8


class Resolver:
    """Links each extension deck to its base (from the given files or the search folders) and checks
    what only makes sense across decks: duplicate deck ids, loops, clashing ids, translations."""

    def __init__(self, files: list[DeckFile], search_dirs: list[Path], words: Words):
        self.files = files
        self.search_dirs = search_dirs
        self.words = words
        self.by_id: dict[str, DeckFile] = {}
        self.by_translation: dict[str, DeckFile] = {}
        self._searched: dict[Path, DeckFile] = {}

    def run(self) -> None:
        for f in self.files:
            self._register(f)
        # Extensions found in search folders may themselves extend another deck: keep going.
        i = 0
        while i < len(self.files):
            self._link(self.files[i])
            i += 1
        for f in self.files:
            self._check_loop(f)
        for f in self.files:
            self._check_against_base(f)
            self._check_translation(f)

    def _register(self, f: DeckFile) -> None:
        ident = f.deck_id
        if ident is None:
            return
        other = self.by_id.get(ident)
        if other is not None:
            f.findings.append(Finding("duplicate_deck", {"id": ident, "other": other.file}, ("id",)))
            return
        self.by_id[ident] = f
        original = f.field_text("translation_of")
        if original is not None:
            self.by_translation.setdefault(original, f)

    def _link(self, f: DeckFile) -> None:
        base_id = f.field_text("extends")
        if base_id is None or base_id == f.deck_id:
            return
        base = self.by_id.get(base_id) or self.by_translation.get(base_id) or self._search(base_id)
        if base is None:
            # Absolute, so the file's own folder reads as a place, not as "."
            folders = ", ".join(_shown_folder(d) for d in self.search_dirs) or "-"
            f.findings.append(Finding("extends_missing", {"base": base_id, "folders": folders}, ("extends",)))
            return
        f.parent = base

    def _search(self, deck_id: str, add: bool = True) -> DeckFile | None:
        """A deck with this id in the search folders (read once, only when needed); ``add`` puts it
        among the files to load (a base deck), rather than only looking at it (a translation's original)."""
        given = {_resolved(Path(f.file)) for f in self.files}
        for folder in self.search_dirs:
            try:
                candidates = sorted(folder.glob("*.yaml"))
            except OSError:
                continue
            for path in candidates:
                key = _resolved(path)
                if key in given:
                    continue
                if key not in self._searched:
                    self._searched[key] = read_deck_file(path, self.words)
                found = self._searched[key]
                if found.deck_id == deck_id:
                    if add and found not in self.files:
                        found.given = False
                        self.files.append(found)
                        self._register(found)
                    return found
        return None

    def _check_loop(self, f: DeckFile) -> None:
        chain, seen = [f], {id(f)}
        node = f.parent
        while node is not None:
            if id(node) in seen:
                if node is f:  # report a loop once, on the file that starts it
                    names = " → ".join(str(x.deck_id) for x in chain + [f])
                    f.findings.append(Finding("extends_loop", {"chain": names}, ("extends",)))
                    # Nobody in the loop has a base, so none is checked against another's (empty) themes.
                    for member in chain:
                        member.parent = None
                f.parent = None
                return
            chain.append(node)
            seen.add(id(node))
            node = node.parent

    def _ancestors(self, f: DeckFile) -> list[DeckFile]:
        out, node = [], f.parent
        while node is not None and node is not f and len(out) < len(self.files):
            out.append(node)
            node = node.parent
        return out

    def _check_against_base(self, f: DeckFile) -> None:
        if f.parent is None or not isinstance(f.data, dict):
            return
        ancestors = self._ancestors(f)
        theme_ids = [t for a in ancestors for t in ids(a.data, "themes")] + ids(f.data, "themes")
        f.findings += unknown_themes(f.data, theme_ids)
        for section, code in (("cards", "clash_card"), ("themes", "clash_theme")):
            owner = {i: a.deck_id for a in reversed(ancestors) for i in ids(a.data, section)}
            for i, item in items(f.data, section):
                ident = item.get("id")
                if isinstance(ident, str) and ident in owner:
                    f.findings.append(Finding(code, {"id": ident, "base": owner[ident]}, (section, i, "id")))

    def _check_translation(self, f: DeckFile) -> None:
        original_id = f.field_text("translation_of")
        if original_id is None or original_id == f.deck_id or not isinstance(f.data, dict):
            return
        original = self.by_id.get(original_id) or self._search(original_id, add=False)
        if original is None or not isinstance(original.data, dict):
            return  # a translation can stand alone; there is nothing to compare it with here
        for section in _TRANSLATED_SECTIONS:
            theirs, ours = ids(original.data, section), ids(f.data, section)
            kind = {"themes": "theme", "cards": "card", "prompts": "prompt", "scale": "scale_point"}[section]
            missing = [i for i in theirs if i not in set(ours)]
            extra = [i for i in ours if i not in set(theirs)]
            for code, listed in (("translation_missing", missing), ("translation_extra", extra)):
                if listed:
                    params = {"original": original_id, "ids": _list_ids(listed), "kind": kind}
                    f.findings.append(Finding(code, params, ("translation_of",)))


def _list_ids(listed: list[str]) -> str:
    shown = ", ".join(listed[:_MAX_LISTED_IDS])
    more = len(listed) - _MAX_LISTED_IDS
    return f"{shown} (+{more})" if more > 0 else shown


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return path.absolute()


def _shown_folder(folder: Path) -> str:
    try:
        return str(folder.absolute())
    except OSError:
        return str(folder)


def in_order(files: list[DeckFile]) -> list[DeckFile]:
    """Base decks before the decks that extend them; otherwise in the order given."""
    out: list[DeckFile] = []
    placed: set[int] = set()

    def place(f: DeckFile, depth: int = 0) -> None:
        if id(f) in placed or depth > len(files):
            return
        if f.parent is not None:
            place(f.parent, depth + 1)
        placed.add(id(f))
        out.append(f)

    for f in files:
        place(f)
    return out
