"""Execution in GraphQL: plans, workshops, progress, research reviews, cases."""
