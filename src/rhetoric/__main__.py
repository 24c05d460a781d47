from rhetoric.cli import main
import sys

sys.exit(main())
