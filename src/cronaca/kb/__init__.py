"""The entity knowledge base: data files of names in six languages and the alias matcher."""
