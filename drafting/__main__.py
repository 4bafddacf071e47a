from drafting.cli import main

raise SystemExit(main())
