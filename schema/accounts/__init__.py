"""Accounts in GraphQL: register, login, logout, me."""
