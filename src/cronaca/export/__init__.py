"""Exports of the knowledge base in formats analysts load unchanged."""
