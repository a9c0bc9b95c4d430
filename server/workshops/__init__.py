"""Execution: plans of accepted agendas, quarterly execution workshops, research reviews and cases."""
