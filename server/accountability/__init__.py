"""What the programme promises the proposer: an answer by a date in working days, reminders and
escalation when it passes, and support thresholds that oblige an answer or a workshop."""
