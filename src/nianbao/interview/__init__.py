"""The interview: questions, answer parsing and the engine that walks through them."""
