"""The GraphQL layer: thin resolvers that parse input, call the domain in ``server`` and shape output."""

from schema.build import build_schema

__all__ = ["build_schema"]
