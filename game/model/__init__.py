"""The pure model: decks, the rules engine and the plan record. No pygame, no file writes."""
