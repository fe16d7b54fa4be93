"""The services are tested inside the real kiosk where a visitor or staff would notice them."""

from tests.ui.conftest import make_kiosk, qapp_cls

__all__ = ["make_kiosk", "qapp_cls"]
