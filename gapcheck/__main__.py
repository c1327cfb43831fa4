"""``python -m gapcheck`` is the ``gapcheck`` command."""
from .cli import main

main()
