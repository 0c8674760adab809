import sys

from briefquiz.cli import main

sys.exit(main())
