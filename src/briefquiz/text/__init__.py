"""Text: typography and the wording of times and numbers. Pure functions, no I/O."""
