"""The web UI and HTTP API: `cronaca serve`."""
