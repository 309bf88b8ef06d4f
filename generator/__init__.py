"""digest: raw Chinese news dumps in, a bilingual searchable static site out."""

__version__ = "0.1.0"
