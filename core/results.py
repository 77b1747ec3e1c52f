"""Values that commands return when an id is not enough."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RejectedRecord:
    line: int  # line number in the file the record came from
    sku: str
    reason: str  # a sentence for the person who prepared the file


@dataclass(frozen=True)
class ImportOutcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: tuple[RejectedRecord, ...] = ()

    def __add__(self, other: "ImportOutcome") -> "ImportOutcome":
        return ImportOutcome(
            self.created + other.created,
            self.updated + other.updated,
            self.unchanged + other.unchanged,
            self.rejected + other.rejected,
        )


@dataclass(frozen=True)
class PaymentOutcome:
    """What RecordPayment did: the change to hand back (cash), what is
    still due, and the order's status after it."""

    payment_id: int
    change_cents: int
    due_cents: int
    status: str


@dataclass(frozen=True)
class ReturnOutcome:
    """What ReturnItems did: the refund to give the customer."""

    return_id: int
    refund_cents: int


@dataclass(frozen=True)
class SignedIn:
    """Who is signed in at a till (``Shop.signed_in``)."""

    id: int
    name: str
    role: str  # owner, manager, cashier


@dataclass(frozen=True)
class SignInOutcome:
    """What SignIn found: the person, if the PIN was theirs; otherwise the
    wrong PINs left at this till before sign-in pauses, or how many seconds
    it is paused for (``Shop.sign_in`` turns a refusal into WrongPin or
    SignInPaused)."""

    signed_in: SignedIn | None
    tries_left: int = 0
    paused_seconds: int = 0


@dataclass(frozen=True)
class ServerLink:
    """How a till on a shared server hears of other tills' work
    (``Shop.watch_server``). ``listening``: its wake-up connection is up, so
    other tills' sales arrive within moments. Else ``reachable`` says
    whether the server answered at all (False: down, or the network
    dropped; the lists stay as they were and commands are refused), and
    ``retry_in`` how many seconds until the next try. ``reason``: the
    driver's words, for the log."""

    listening: bool
    reachable: bool = True
    retry_in: float | None = None
    reason: str = ""
