# The bundled program's entry point (PyInstaller needs a script, not a
# console_scripts entry). Same as `shop-manager` from pip: shop_gui.app.main.
from shop_gui.app import main

raise SystemExit(main())
