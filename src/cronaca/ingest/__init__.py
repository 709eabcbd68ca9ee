"""Ingestion: from files to stored documents (readers, cleaning, language id, metadata)."""
