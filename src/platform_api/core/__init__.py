"""Infrastructure with no domain knowledge."""
