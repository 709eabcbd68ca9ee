"""Extraction stages: entities (and, next, dates, quotes, events, facts)."""
