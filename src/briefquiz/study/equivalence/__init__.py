"""The rules that accept a typed answer a teacher would accept (docs/authoring.md).

`judge` is the entry point; each rule lives in a module of its own.
"""
