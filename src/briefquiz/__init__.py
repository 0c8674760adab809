"""briefquiz: drill hand-curated YAML question decks for a seminar in the terminal."""

__version__ = "0.1.0"
