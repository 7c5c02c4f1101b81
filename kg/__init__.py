"""township-kg: knowledge graphs of Chinese township rule-of-law government reports."""

__version__ = "0.1.0"
