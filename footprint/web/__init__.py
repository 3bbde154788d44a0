"""The public website and JSON API (Starlette, server-rendered Jinja2 pages), with editors who sign in.

``create_app(store_url=None, settings=Settings())`` builds the ASGI app; ``footprint serve`` runs it with uvicorn.
"""

from .app import Settings, create_app
from .auth import add_user

__all__ = ["Settings", "add_user", "create_app"]
