"""The session store: sessions as append-only event lists in SQLite (default) or PostgreSQL.

``open_store()`` opens (and creates or upgrades) the database; every read and write goes through the
returned ``Store``. ``upgrade()`` only brings the tables up to date (``oars db upgrade``).
"""

from oars.store.migrate import upgrade
from oars.store.repository import CHANNELS, STATUSES, SessionInfo, Store, StoredSession, open_store

__all__ = ["CHANNELS", "STATUSES", "SessionInfo", "Store", "StoredSession", "open_store", "upgrade"]
