from shop_gui.start import main

raise SystemExit(main())
