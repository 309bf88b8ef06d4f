"""`python -m generator`: the command-line interface."""

from generator.cli import main

if __name__ == "__main__":
    main()
