"""Language knowledge as data: one folder per language, merged over xx/ (shared)."""
