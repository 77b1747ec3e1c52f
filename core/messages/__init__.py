"""The messages that cross the core's boundary: commands (what a person asks),
events (what happened, stored in the outbox), queries (what the read model
answers, and the immutable values it answers with). Values only: no I/O."""
