"""A real X server with a tray host, real input, the command line as a subprocess."""
