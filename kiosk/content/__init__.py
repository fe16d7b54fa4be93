"""The content model: loads and validates a content folder. Pure Python by contract (see pyproject)."""

from kiosk.content.loader import load_content
from kiosk.content.model import Content, Problem, Severity, Site, Slide, pick

__all__ = ["Content", "Problem", "Severity", "Site", "Slide", "load_content", "pick"]
