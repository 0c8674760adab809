"""Reading deck files: YAML nodes, validation into the model, source texts, the deck library."""
