"""Content: message files parsed, validated and turned into the model."""
