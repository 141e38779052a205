"""What the report says in words: title, contact details, problems and measures, agency kind."""
