"""The report as text, Markdown, HTML, docx and PDF."""
