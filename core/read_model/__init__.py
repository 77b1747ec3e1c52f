"""The TinyDB read model: documents shaped for the queries, kept by a projector
from the write model's outbox, disposable and rebuilt whenever in doubt."""
