"""Scheduling: recall curves, the FSRS planner, readiness, stats and study settings."""
