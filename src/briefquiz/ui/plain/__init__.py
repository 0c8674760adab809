"""Plain mode: studying line by line over pipes, scripts and screen readers."""
