"""Dialogs: each builds one command (or shows one thing) and can be driven by a test."""
