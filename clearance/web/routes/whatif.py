"""placeholder"""
from fastapi import APIRouter

from clearance.web.app import UIRoute

__all__ = ["router"]

router = APIRouter(prefix="/ui", include_in_schema=False, route_class=UIRoute)
