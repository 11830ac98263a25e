"""The game's screens, by name: start, set-up, play (board and every turn step, summary), export,
settings, the list of saved games and plans, and the small dialogs.

A screen opens another by name (``app.show("export", plan=...)``) and never imports it, so screens stay
independent of each other. The table says where each one lives; its module is imported only when the
screen is first shown, which also keeps the first screen quick to start."""

from __future__ import annotations

import importlib

SCREENS: dict[str, str] = {
    "start": "game.ui.screens.start:StartScreen",
    "settings": "game.ui.screens.settings_screen:SettingsScreen",
    "setup": "game.ui.screens.setup:SetupScreen",
    "choose": "game.ui.screens.choose:ChooseGameScreen",
    "play": "game.ui.screens.play:PlayScreen",
    "export": "game.ui.screens.export:ExportScreen",
    "text-dialog": "game.ui.screens.dialogs:TextDialog",
    "choice-dialog": "game.ui.screens.dialogs:ChoiceDialog",
    "info-dialog": "game.ui.screens.dialogs:InfoDialog",
    "confirm-dialog": "game.ui.screens.dialogs:ConfirmDialog",
}


def screen_class(name: str) -> type:
    """The class of the screen called ``name`` (a KeyError for a name no screen has)."""
    module, _, cls = SCREENS[name].partition(":")
    return getattr(importlib.import_module(module), cls)
