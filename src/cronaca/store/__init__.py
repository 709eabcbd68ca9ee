"""Storage: the SQLite knowledge base, its schema and its queries."""
