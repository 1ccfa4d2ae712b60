"""The HTML pages (Jinja2 templates, no JavaScript needed): one router per part of the clinic."""

from fastapi import APIRouter

from oars.web.pages import account, admin, auth, client, clinician, practice

__all__ = ["pages_router"]

pages_router = APIRouter()
for _module in (auth, account, client, clinician, admin, practice):
    pages_router.include_router(_module.router)
