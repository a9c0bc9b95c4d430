"""Accounts: people, their role and departments, and the tokens that authenticate them."""
