"""The Textual app: thin screens that show the engine's state and send it the clerk's answers."""
