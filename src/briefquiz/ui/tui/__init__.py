"""The Textual user interface of briefquiz."""
