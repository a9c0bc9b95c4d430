"""GraphQL for participation: comments, reports and moderation, internal notes."""
