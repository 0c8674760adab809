"""The front ends: neutral wording shared by all, the Textual app and plain mode."""
