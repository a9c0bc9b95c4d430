"""civic-agenda domain core: models and rules shared by the GraphQL layer and the workers."""
