"""The translations are complete and in step with the code: every .ts
message translated, its placeholders kept, no text in the code missing
from the .ts files, no visible literal left unwrapped, and no core
sentence raised without its N_ mark (so it cannot be translated)."""

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_FILES = sorted((ROOT / "resources" / "translations").glob("*.ts"))
sys.path.insert(0, str(ROOT))
import tools.build_translations as build  # noqa: E402

# How many plural forms each language has (Qt's numerus forms).
PLURAL_FORMS = {"en_GB": 2, "ru_RU": 3}


def messages(ts: Path):
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield root.get("language"), context.findtext("name") or "", message


def placeholders(text: str) -> list[str]:
    """%1, %n, {name}, {count:,}: what a translation must keep."""
    return sorted(set(re.findall(r"%L?n|%\d|\{[^{}]*\}", text)))


def test_there_are_russian_and_english_translations():
    assert {ts.name for ts in TS_FILES} == {"shop_manager_ru.ts", "shop_manager_en.ts"}


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_message_is_translated_keeping_its_placeholders(ts):
    problems = []
    for language, context, message in messages(ts):
        source = message.findtext("source")
        translation = message.find("translation")
        forms = (
            [f.text or "" for f in translation.iter("numerusform")] if message.get("numerus") else [translation.text]
        )
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        if message.get("numerus") and len(forms) != PLURAL_FORMS[language]:
            problems.append(f"{context}: {source!r} has {len(forms)} plural forms")
        for form in forms:
            if placeholders(form) != placeholders(source):
                problems.append(f"{context}: {source!r} -> {form!r} changes the placeholders")
    assert not problems, "\n".join(problems)


def test_russian_plurals_have_one_few_and_many_forms():
    ts = next(p for p in TS_FILES if p.name == "shop_manager_ru.ts")
    items = next(m for _l, _c, m in messages(ts) if m.findtext("source") == "%Ln item(s)")
    assert [f.text for f in items.iter("numerusform")] == ["%Ln товар", "%Ln товара", "%Ln товаров"]


@pytest.mark.subprocess
def test_the_ts_files_hold_every_text_of_the_code(tmp_path):
    """lupdate over today's code adds nothing: a new or changed text (in
    shop_gui or a core N_ sentence) fails here until `make translations` has
    gathered it and someone has translated it."""
    copies = tmp_path / "translations"
    shutil.copytree(build.SOURCES, copies)
    before = {p.name: p.read_bytes() for p in copies.glob("*.ts")}
    sources = [str(p) for folder in build.SCANNED for p in sorted((ROOT / folder).rglob("*.py"))]
    for ts in sorted(copies.glob("*.ts")):
        plural_only = ["-pluralonly"] if ts.stem.endswith("_en") else []
        subprocess.run(
            [build.tool("pyside6-lupdate"), *build.LUPDATE_OPTIONS, *plural_only, *sources, "-ts", str(ts)],
            check=True,
            capture_output=True,
        )
    for ts in sorted(copies.glob("*.ts")):
        after = {
            (c, m.findtext("source")) for _l, c, m in messages(ts) if m.find("translation").get("type") == "unfinished"
        }
        assert not after, f"{ts.name}: new texts, run `make translations` and translate them: {sorted(after)[:10]}"
        assert len(list(messages(ts))) == len(list(messages(build.SOURCES / ts.name))), ts.name
    assert before  # the copies were made


# Qt calls whose string arguments a person reads.
VISIBLE_CALLS = {
    "setText", "setToolTip", "setStatusTip", "setPlaceholderText", "setWindowTitle", "setWhatsThis", "setTitle",
    "QLabel", "QPushButton", "QAction", "QCheckBox", "QRadioButton", "QGroupBox", "addMenu", "addTab", "setTabText",
    "addRow", "showMessage", "setHeaderLabels", "setHorizontalHeaderLabels", "setAccessibleName", "setLabelText",
    "setSuffix", "setSpecialValueText", "information", "warning", "critical", "question", "confirm_action",
    "show_message", "show_notice", "QProgressDialog", "addButton", "drawText", "set_full_text",
}  # fmt: skip


def literal_text(node) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return None


def test_no_visible_text_in_the_window_is_left_untranslatable():
    """A literal with words handed straight to a Qt text call (not through
    tr, translate or a QT_TRANSLATE_NOOP constant) would stay English."""
    found = []
    for path in sorted((ROOT / "shop_gui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            logging = isinstance(node.func, ast.Attribute) and getattr(node.func.value, "id", "") in ("log", "logging")
            if name not in VISIBLE_CALLS or logging:  # a log stays in English
                continue
            for argument in [*node.args, *(k.value for k in node.keywords if k.arg in ("text", "toolTip"))]:
                candidates = [argument.body, argument.orelse] if isinstance(argument, ast.IfExp) else [argument]
                for candidate in candidates:
                    text = literal_text(candidate)
                    if text and re.search(r"[A-Za-z]{2,}\s+[A-Za-z]", re.sub(r"<[^>]*>", "", text)):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}")
    assert not found, "\n".join(found)


SHOP_ERRORS = {
    "ShopError", "InvalidCommand", "DuplicateSku", "DuplicateBarcode", "UnknownProduct", "UnknownCategory",
    "UnknownOrder", "UnknownCustomer", "OutOfStock", "InvalidTransition", "OrderNotCancellable", "StorageError",
    "DatabaseBusy", "ShopMissing", "TillNotOpen", "TillAlreadyOpen", "UnknownStaff", "SignInFirst", "NotAllowed",
    "WrongPin", "SignInPaused", "CatalogFileError",
}  # fmt: skip


def test_every_shop_error_sentence_of_the_core_is_marked_for_translation():
    """A ShopError raised with a plain literal or f-string would reach the
    window in English: the core writes its sentences as N_(...)."""
    found = []
    for path in sorted((ROOT / "core").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in SHOP_ERRORS and node.args:
                if literal_text(node.args[0]) is not None:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, "raised without N_: " + ", ".join(found)
