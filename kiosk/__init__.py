"""Wachtkamer kiosk: patient education for clinic waiting rooms."""

__version__ = "0.1.0"
