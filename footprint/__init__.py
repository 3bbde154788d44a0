"""footprint: an evidence-based registry of foreign military presence in a host country."""

__version__ = "0.1.0"
