"""Agendas in GraphQL: propose, read, triage, reroute, advance, support; departments and work plans."""
