"""`python -m cronaca` runs the command line."""

from cronaca.cli import main

main()
