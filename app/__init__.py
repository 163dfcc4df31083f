"""EthicsDesk: an offline desktop application for research ethics committees."""

__version__ = "0.1.0"
