"""The shared server's password, kept in the system's keyring (the keyring
library: Windows Credential Locker, macOS Keychain, the Secret Service on
Linux desktops), never in a file. Filed under the server's address without
the password, so each server (and user) has its own.

A computer without a keyring (a Linux till without a desktop's Secret
Service) keeps nothing: the person types the password at each start."""

import logging

log = logging.getLogger(__name__)

SERVICE = "shop-manager"


def keyring_available() -> bool:
    """True when a real keyring can keep the password here."""
    try:
        import keyring
        from keyring.backends import fail, null

        return not isinstance(keyring.get_keyring(), (fail.Keyring, null.Keyring))
    except Exception:  # a broken backend's import or configuration: no keyring, said in words
        log.exception("No keyring")
        return False


def saved_password(address: str) -> str | None:
    """The password kept for ``address`` (no password in it), or None."""
    try:
        import keyring

        return keyring.get_password(SERVICE, address)
    except Exception:  # any backend's failure means: not kept, ask for it
        log.warning("The keyring could not be read", exc_info=True)
        return None


def save_password(address: str, password: str) -> bool:
    """Keep ``password`` for ``address``; False when there is no keyring
    to keep it in (it is then kept nowhere)."""
    if not keyring_available():
        return False
    try:
        import keyring

        keyring.set_password(SERVICE, address, password)
        return True
    except Exception:  # a backend that fails: logged, the person is asked instead
        log.warning("The keyring could not keep the password", exc_info=True)
        return False


def forget_password(address: str) -> None:
    try:
        import keyring
        from keyring.errors import PasswordDeleteError

        try:
            keyring.delete_password(SERVICE, address)
        except PasswordDeleteError:
            pass  # none was kept
    except Exception:  # a backend that fails: logged, the person is asked instead
        log.warning("The keyring could not forget the password", exc_info=True)
