"""The program's entry point (``shop-manager``, ``python -m shop_gui``, the
bundled launcher), and the one place that sets the garbage collector's policy.

Start-up allocates a great many objects that live as long as the program:
the modules of Qt, SQLAlchemy and the app, then the catalog. The cyclic GC
would scan them again and again while they are made, and none of them is
garbage, so it stays off until the window is shown; then what start-up made
is frozen (exempt from the GC's passes) and the GC runs as usual. The core
never freezes anything: it only pauses the GC while it loads or rebuilds.
See docs/adr for the measured gain.
"""

import gc


def pause_collection_for_start_up() -> None:
    gc.disable()


def exempt_what_lives_on() -> None:
    """What was made so far lives as long as the window (the catalog just
    loaded): the GC's full passes need not walk it."""
    gc.freeze()


def collect_from_now_on() -> None:
    """Start-up is over: exempt what it made, and collect as usual from here."""
    gc.freeze()
    gc.enable()


def main(argv=None) -> int:
    pause_collection_for_start_up()
    from shop_gui.app import main as run_app

    return run_app(argv)
