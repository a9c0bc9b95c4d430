"""Agendas: departments, work plans, routing, lifecycle and triage."""
