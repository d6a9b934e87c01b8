"""newsgraph watch: follow RSS/Atom feeds and directories over time, code what is new, raise alerts.

    config.py   the TOML configuration, checked
    fetch.py    HTTP (conditional GET, limits), feeds, article pages, directory listings
    runner.py   the watcher: polls, coding, writes with their state, backoff
    webhook.py  the background thread that POSTs alerts

Its state lives in the store (``newsgraph.store.watch``), in the transactions of the documents.
"""
