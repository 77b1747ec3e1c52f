"""The program's entry point (``shop-manager``, ``python -m shop_gui``, the
bundled launcher).

Start-up allocates a great many objects that live as long as the program:
the modules of Qt, SQLAlchemy and the app, then the catalog. The cyclic GC
would scan them again and again while they are made, and none of them is
garbage, so it stays off until the window is shown (``app.main`` freezes what
was made and turns it back on): about 5% of a cold start at 100,000 products.
"""

import gc


def main(argv=None) -> int:
    gc.disable()
    from shop_gui.app import main as run_app

    return run_app(argv)
