"""The game's screens: start, set-up, play (board and every turn step), summary, export, settings."""
