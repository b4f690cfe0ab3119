from ecoredress.cli import main

raise SystemExit(main())
