"""Persistent state: the analysis cache and the review database."""
