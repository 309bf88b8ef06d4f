"""Fixtures of the translation tests."""

from __future__ import annotations

from tests.translate.fake_openai import endpoint

__all__ = ["endpoint"]
