"""The oars clinic web app: FastAPI + server-rendered pages over the session store (``oars serve``).

``create_app(Settings(...))`` builds it; see ``docs/deployment.md`` for running it for a clinic.
"""

from oars.web.main import create_app
from oars.web.settings import Settings

__all__ = ["Settings", "create_app"]
