"""The wiki side of wikidraft: configuration, connection, diff, push, and the CLI."""
