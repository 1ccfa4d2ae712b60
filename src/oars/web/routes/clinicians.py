"""``/api/v1/clinicians``: the admin's part — adding clinicians (with a one-time link), renaming, switching off.

A fresh invitation link for a clinician is in ``invites``."""

from __future__ import annotations

from fastapi import APIRouter, Request, status

from oars.web.deps import Repo
from oars.web.routes.common import AUTH_ERRORS, OBJECT_ERRORS, invite_out
from oars.web.schemas import ClinicianCreate, ClinicianCreated, ClinicianOut, ClinicianUpdate, ErrorOut

__all__ = ["router"]

router = APIRouter(prefix="/clinicians", tags=["clinicians"])


@router.get("", summary="List clinicians (admin)", responses=AUTH_ERRORS)
def list_clinicians(repo: Repo) -> list[ClinicianOut]:
    return [ClinicianOut.of(c) for c in repo.clinicians()]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Add a clinician and get their one-time invitation link (admin)",
    responses={
        **AUTH_ERRORS,
        400: {"model": ErrorOut, "description": "The e-mail address or the name is not valid."},
        409: {"model": ErrorOut, "description": "The e-mail address is taken."},
    },
)
def add_clinician(body: ClinicianCreate, request: Request, repo: Repo) -> ClinicianCreated:
    clinician, token = repo.add_clinician(body.email, body.name, body.locale)
    return ClinicianCreated(clinician=ClinicianOut.of(clinician), invite=invite_out(request, clinician.id, token))


@router.get("/{clinician_id}", summary="One clinician (admin)", responses=OBJECT_ERRORS)
def get_clinician(clinician_id: str, repo: Repo) -> ClinicianOut:
    return ClinicianOut.of(repo.clinician(clinician_id))


@router.patch("/{clinician_id}", summary="Rename or switch a clinician off / on (admin)", responses=OBJECT_ERRORS)
def update_clinician(clinician_id: str, body: ClinicianUpdate, repo: Repo) -> ClinicianOut:
    """Switching a clinician off ends their logins and tokens at once; their clients keep their records."""
    return ClinicianOut.of(repo.update_clinician(clinician_id, name=body.name, active=body.active))
