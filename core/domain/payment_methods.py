"""The ways a customer pays, and is paid back."""

CASH, CARD, OTHER = "cash", "card", "other"
PAYMENT_METHODS = (CASH, CARD, OTHER)
