from shop_gui.app import main

raise SystemExit(main())
