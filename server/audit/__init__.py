"""The audit log: an append-only record of every administrative action (who, when, what changed,
from which request). Written in the same transaction as the action, so an action that rolled back
left no entry and one that committed cannot lack one. Nothing in the product updates or deletes it."""
