"""Telling the people concerned what happened: in-app notifications and the e-mail that follows
them, each in the reader's language."""
