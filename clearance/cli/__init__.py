"""Command-line shell over the library: parses arguments, calls one service, prints."""

__all__: list[str] = []
