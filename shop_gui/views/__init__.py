"""Widgets that make up the main window."""
