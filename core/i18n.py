"""The core's sentences, kept translatable without Qt.

A sentence a person may read (a ShopError's message, a rejected row's
reason) is written ``N_("Only {available} left of {name}.", available=n,
name=product.name)``: a ``Text``, which *is* the English sentence (a str:
logs, tests and ``str(error)`` read it as before) and also remembers its
template and values. The window translates the template into its own
language and fills in the values (shop_gui/texts.describe), so the core
never holds a language of its own and never imports Qt.

``N_`` is also the mark lupdate looks for (tools/build_translations.py
passes ``-tr-function-alias QT_TR_NOOP+=N_``): every template written this
way lands in resources/translations/*.ts, in the context "" (none), and a
test fails while one has no Russian. See docs/adr/0007-translations.md.
"""

from typing import Any


class Text(str):
    """An English sentence with the template and values it was made from."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, values: dict[str, Any]) -> "Text":
        text = super().__new__(cls, template.format(**values) if values else template)
        text.template = template
        text.values = values
        return text

    def __reduce__(self):  # pickled (a worker's result) as itself, not as a plain str
        return (Text, (self.template, self.values))


def N_(template: str, /, **values: Any) -> Text:
    """``template`` (a literal, for lupdate) filled in with ``values``."""
    return Text(template, values)


def joined(sentences: list[str]) -> Text:
    """Sentences one after the other (a rejected row's problems), each
    translated on its own."""
    names = [f"s{index}" for index in range(len(sentences))]
    return Text(" ".join("{" + name + "}" for name in names), dict(zip(names, sentences, strict=True)))


def reason_of(exc: BaseException) -> str:
    """An exception's sentence, kept a Text when it is one (``str(exc)`` is a plain str)."""
    return exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
