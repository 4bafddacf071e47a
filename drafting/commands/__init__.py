"""The `drafting` command's subcommands, one module each: each adds its parser and runs it over the library."""
