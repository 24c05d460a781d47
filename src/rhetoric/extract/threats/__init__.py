"""Threats and shows of force (CAMEO 13 and 15)."""

from rhetoric.extract.threats.detector import Threat, extract_threats
from rhetoric.extract.threats.salience import threat_salience

__all__ = ["Threat", "extract_threats", "threat_salience"]
