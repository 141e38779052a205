"""What the command line and the TUI both do, done once: check a session against the text a user
would publish (checking.py), start next year from last year's report (last_year.py), the one-line
progress of a session (progress.py). Above the interview and the importer, below cli/ and tui/."""
