"""`nianbao serve`: the drafting TUI in a web browser, one `nianbao` process per tab.

`listen.py` binds the address (a port in use is told in Chinese), `access.py` checks the token
and the cookie on every request, `server.py` is textual-serve's server with our page
(`templates/page.html`) and the tabs' processes. Nothing here imports Textual: the TUI runs in
the child processes.
"""
