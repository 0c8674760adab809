"""Writing decks and moving them in and out of briefquiz.

One small module per idea: `scaffold` (a starter deck), `csv_import` (flashcards from a
spreadsheet), `anki_export`, `markdown_export`, `progress_transfer`, and the helpers they share
(`ids`, `yaml_out`, `files`). Nothing here imports Textual.
"""
