"""The route template a request matched ("/api/v1/clients/{client_id}"), for logs and the audit log.

Both must name the route, never the raw path: a path can hold a secret (an invite token). FastAPI puts
the matched route in the scope, but an included router's route knows only its own part of the path, so
the app keeps a map from each route to its full template, built once when the app is made.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from starlette.types import Scope

__all__ = ["index_routes", "route_template"]

_KEY = "route_templates"


def index_routes(app: FastAPI) -> None:
    """Remember every route's full template; call after the last router is included."""
    setattr(app.state, _KEY, {id(ctx.original_route): ctx.path_format for ctx in iter_route_contexts(app.routes)})


def route_template(scope: Scope) -> str | None:
    """The full template of the route ``scope`` matched, or None before routing / when nothing matched."""
    route = scope.get("route")
    if route is None:
        return None
    templates = getattr(scope["app"].state, _KEY, {})
    return templates.get(id(route)) or getattr(route, "path", None)
