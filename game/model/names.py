"""How the game names a player: the state keeps keys, and the words are looked up when shown or exported.

Someone shown by name or initials is named by what was typed (with " (2)" when two would read the same).
Someone who chose to be shown only by their token is named by a key for that token, never by its words,
so a game set up in English and exported in Welsh calls them "Seren", not "Star". Records copy this name
(who chose a card, whose view it is, who said a note, who does an action, who parked a topic), and
``name_words`` turns it into the words to show, in the language asked for.
"""

from __future__ import annotations

from game.words import Words

# A typed name never holds a control character (textrules.clean_text drops them), so a key that starts
# with one can never be mistaken for someone's name.
TOKEN_KEY = "\x1ftoken:"


def token_key(shape: str) -> str:
    """The key that names someone by their token's shape ("circle")."""
    return TOKEN_KEY + shape


def token_of(name: str | None) -> str | None:
    """The token shape a name's key stands for, or None for a typed name."""
    if isinstance(name, str) and name.startswith(TOKEN_KEY):
        return name[len(TOKEN_KEY) :]
    return None


def name_words(name: str | None, words: Words) -> str | None:
    """The words for how a record names someone: a typed name as typed, a token key as its words
    ("Circle", "Cylch"). None stays None (a note nobody put their name to)."""
    shape = token_of(name)
    return name if shape is None else words.get("token_" + shape)
