"""The second stage of a rebuild of a shop with a long history: the complete
read model, built in a thread beside the partial one the counter is using
(core/read_model/partial.py), then handed to the shop to swap in.

The complete model is built by the ordinary rebuild, into a folder of its
own next to the read model's; the swap renames the folders (the partial
model never wrote to its own) and catches the complete model up with the
events recorded since its snapshot, so nothing recorded meanwhile is lost.
"""

import logging
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from core.read_model.projector import ReadModel

log = logging.getLogger(__name__)


class HistoryFill:
    def __init__(self, engine: Engine, folder: Path, till: str, lazy_history: bool, done: Callable[[], None]):
        self._engine = engine
        self._folder = folder
        self._staging = folder.with_name(f"{folder.name}.complete")
        self._till = till
        self._lazy_history = lazy_history
        self._done = done
        self.complete: ReadModel | None = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="read-model-history", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait(self) -> None:
        """Until the complete model is built and handed over (or failed)."""
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            shutil.rmtree(self._staging, ignore_errors=True)
            complete = ReadModel(self._staging, lazy_history=self._lazy_history)
            complete.till = self._till
            complete.rebuild(self._engine)
            complete.close()  # its reader's connection belongs to this thread
            self.complete = complete
        except BaseException as exc:  # the shop rebuilds in the foreground instead
            log.exception("Could not build the read model's history in the background")
            self.error = exc
            shutil.rmtree(self._staging, ignore_errors=True)
        finally:
            self._done()

    def discard(self) -> None:
        """Not needed after all (the shop rebuilt in the foreground meanwhile)."""
        shutil.rmtree(self._staging, ignore_errors=True)

    def install(self) -> ReadModel:
        """Put the complete model's folder in the read model's place (the
        caller holds the shop's lock) and return the model, to catch up."""
        complete = self.complete
        assert complete is not None
        aside = self._folder.with_name(f"{self._folder.name}.partial")
        shutil.rmtree(aside, ignore_errors=True)
        if self._folder.exists():
            os.replace(self._folder, aside)
        os.replace(self._staging, self._folder)
        shutil.rmtree(aside, ignore_errors=True)
        complete.storage.folder = self._folder
        return complete
