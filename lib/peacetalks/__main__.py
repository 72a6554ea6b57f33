"""`python -m peacetalks` runs the command line."""
import sys

from peacetalks.cli import main

sys.exit(main())
