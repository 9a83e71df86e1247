"""One module per command: settled configuration in, exit status out."""
