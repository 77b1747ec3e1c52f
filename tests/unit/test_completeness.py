"""Every command has a handler, every event an applier, every query a handler.

The tables are explicit (core.dispatcher.COMMAND_HANDLERS, the read model's
APPLIERS, core.read_model.queries.QUERY_HANDLERS), so a new class that is
not added to its table would only fail when first used: these tests fail
instead. The classes are found in the modules, not listed here.
"""

import inspect

from core import commands, dispatcher, events, queries
from core.messages import event_codec
from core.read_model import projector
from core.read_model import queries as read_model_queries


def concrete_subclasses(module, base: type) -> set[type]:
    """The classes ``module`` holds (defined or re-exported) that derive from
    ``base``: not ``base`` itself, nor an abstract or private class, nor one
    that is only a base for others found here."""
    found = {
        cls for _name, cls in inspect.getmembers(module, inspect.isclass) if issubclass(cls, base) and cls is not base
    }
    return {
        cls
        for cls in found
        if not inspect.isabstract(cls)
        and not cls.__name__.startswith("_")
        and not any(other is not cls and issubclass(other, cls) for other in found)
    }


def names(keys) -> set[str]:
    """Class names, whether a table is keyed by classes or by their names."""
    return {k if isinstance(k, str) else k.__name__ for k in keys}


def test_the_modules_hold_the_classes_looked_for():
    # So that the tests below cannot pass by finding nothing.
    assert commands.PlaceOrder in concrete_subclasses(commands, commands.Command)
    assert commands.OrderLine not in concrete_subclasses(commands, commands.Command)  # a part, not a command
    assert events.OrderPlaced in concrete_subclasses(events, events.Event)
    assert queries.GetOrder in concrete_subclasses(queries, queries.Query)


def test_every_command_has_a_handler():
    missing = concrete_subclasses(commands, commands.Command) - set(dispatcher.COMMAND_HANDLERS)
    assert not missing, f"no handler in core.dispatcher.COMMAND_HANDLERS for {sorted(c.__name__ for c in missing)}"


def test_every_event_has_an_applier():
    missing = names(concrete_subclasses(events, events.Event)) - names(projector.APPLIERS)
    assert not missing, f"no applier in core.read_model.projector.APPLIERS for {sorted(missing)}"


def test_every_event_can_be_read_back_from_the_outbox():
    missing = names(concrete_subclasses(events, events.Event)) - set(event_codec.EVENT_CLASSES)
    assert not missing, f"core.messages.event_codec cannot decode {sorted(missing)}"


def test_every_query_has_a_handler():
    missing = concrete_subclasses(queries, queries.Query) - set(read_model_queries.QUERY_HANDLERS)
    assert not missing, (
        f"no handler in core.read_model.queries.QUERY_HANDLERS for {sorted(q.__name__ for q in missing)}"
    )
