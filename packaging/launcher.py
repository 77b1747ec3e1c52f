# The bundled program's entry point (PyInstaller needs a script, not a
# console_scripts entry). Same as `shop-manager` from pip: shop_gui.start.main.
from shop_gui.start import main

raise SystemExit(main())
