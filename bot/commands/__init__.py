"""The subcommands of the wikidraft CLI, one module each."""
