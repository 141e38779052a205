"""The three tables read from a report's text: row labels, cells, run-together digits."""
