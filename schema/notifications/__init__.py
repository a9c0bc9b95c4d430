"""GraphQL for a person's notifications and how they want to receive them."""
