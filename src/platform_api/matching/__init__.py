"""Mentor and lender matching."""
