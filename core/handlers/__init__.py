"""Command handlers: plain functions ``handler(command, uow) -> result``."""
