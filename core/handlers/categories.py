"""Handlers that reshape the category tree: rename, move, delete."""

from sqlalchemy import delete, select, update

from core.domain import validation as valid
from core.errors import InvalidCommand, UnknownCategory
from core.handlers.products_state import product_event_state
from core.i18n import N_
from core.messages.commands import DeleteCategory, MoveCategory, RenameCategory
from core.messages.events import CategoryDeleted, CategoryMoved, CategoryRenamed, ProductUpdated
from core.write_model import locks
from core.write_model.schema import category, product
from core.write_model.unit_of_work import UnitOfWork


def category_name(value, label: str = N_("Category name")) -> str:
    name = valid.name(value, label)
    if "/" in name:
        # "/" separates the levels of a path such as Home/Kitchen/Mugs.
        raise InvalidCommand(N_('{label} cannot contain "/".', label=label))
    return name


def lock_tree(uow: UnitOfWork) -> None:
    """Hold the category tree until COMMIT (PostgreSQL; SQLite's writer holds
    it already): the checks for a sibling of the same name and for a cycle
    read several rows, and two tills must not both pass them."""
    locks.take(uow.conn, locks.CATEGORIES)


def require_category(uow: UnitOfWork, category_id, label: str = N_("Category")) -> tuple[str, int | None]:
    """The category's (name, parent_id); UnknownCategory if there is none."""
    category_id = valid.identifier(category_id, label)
    row = uow.conn.execute(select(category.c.name, category.c.parent_id).where(category.c.id == category_id)).first()
    if row is None:
        raise UnknownCategory(N_("There is no category number {category_id}.", category_id=category_id))
    return row.name, row.parent_id


def refuse_sibling_named(uow: UnitOfWork, name: str, parent_id: int | None, except_id: int | None = None) -> None:
    # Compared in Python: SQLite's lower() folds ASCII only, so "Épicerie"
    # would not even clash with itself. casefold() is what the import uses.
    siblings = uow.conn.execute(
        select(category.c.id, category.c.name).where(
            category.c.parent_id.is_(None) if parent_id is None else category.c.parent_id == parent_id
        )
    )
    folded = name.casefold()
    if any(sid != except_id and sname.casefold() == folded for sid, sname in siblings):
        raise InvalidCommand(N_('A category named "{name}" already exists there.', name=name))


def rename_category(command: RenameCategory, uow: UnitOfWork) -> None:
    lock_tree(uow)
    _old, parent_id = require_category(uow, command.category_id)
    name = category_name(command.name)
    refuse_sibling_named(uow, name, parent_id, except_id=command.category_id)
    uow.conn.execute(update(category).where(category.c.id == command.category_id).values(name=name))
    uow.record(CategoryRenamed(category_id=command.category_id, name=name))


def _ancestors_and_self(uow: UnitOfWork, category_id: int | None) -> list[int]:
    chain, seen = [], set()
    while category_id is not None and category_id not in seen:
        seen.add(category_id)
        chain.append(category_id)
        category_id = uow.conn.execute(select(category.c.parent_id).where(category.c.id == category_id)).scalar()
    return chain


def _levels_below_and_self(uow: UnitOfWork, category_id: int) -> int:
    """1 for a category without sub-categories, 2 with some but none deeper..."""
    children: dict[int | None, list[int]] = {}
    for cid, parent in uow.conn.execute(select(category.c.id, category.c.parent_id)):
        children.setdefault(parent, []).append(cid)
    levels, level = 0, [category_id]
    while level and levels <= valid.MAX_CATEGORY_DEPTH:
        levels += 1
        level = [child for cid in level for child in children.get(cid, ())]
    return levels


def refuse_too_deep(uow: UnitOfWork, name: str, parent_id: int | None, levels: int = 1) -> None:
    """``levels`` of categories (one, or a category and its sub-categories)
    under ``parent_id`` must stay within MAX_CATEGORY_DEPTH levels."""
    deepest = len(_ancestors_and_self(uow, parent_id)) + levels
    if deepest > valid.MAX_CATEGORY_DEPTH:
        raise InvalidCommand(
            N_(
                'Categories go at most {MAX_CATEGORY_DEPTH} levels deep: "{name}" there would make {deepest}.',
                MAX_CATEGORY_DEPTH=valid.MAX_CATEGORY_DEPTH,
                name=name,
                deepest=deepest,
            )
        )


def move_category(command: MoveCategory, uow: UnitOfWork) -> None:
    lock_tree(uow)
    name, _old_parent = require_category(uow, command.category_id)
    parent_id = command.parent_id
    if parent_id is not None:
        require_category(uow, parent_id, N_("New parent category"))
        if command.category_id in _ancestors_and_self(uow, parent_id):
            raise InvalidCommand(N_('"{name}" cannot go under itself or one of its own sub-categories.', name=name))
        refuse_too_deep(uow, name, parent_id, _levels_below_and_self(uow, command.category_id))
    refuse_sibling_named(uow, name, parent_id, except_id=command.category_id)
    uow.conn.execute(update(category).where(category.c.id == command.category_id).values(parent_id=parent_id))
    uow.record(CategoryMoved(category_id=command.category_id, parent_id=parent_id))


def delete_category(command: DeleteCategory, uow: UnitOfWork) -> None:
    lock_tree(uow)
    name, parent_id = require_category(uow, command.category_id)
    category_id = command.category_id
    own_products = (
        uow.conn.execute(select(product.c.id).where(product.c.category_id == category_id).order_by(product.c.id))
        .scalars()
        .all()
    )
    if own_products:
        if command.move_products_to is None:
            count = len(own_products)
            # One sentence per English plural form; a translation says "products: {count}" in every form.
            raise InvalidCommand(
                N_('"{name}" still holds {count} product: choose a category to move them to.', name=name, count=count)
                if count == 1
                else N_(
                    '"{name}" still holds {count} products: choose a category to move them to.', name=name, count=count
                )
            )
        require_category(uow, command.move_products_to, N_("Category to move the products to"))
        if command.move_products_to == category_id:
            raise InvalidCommand(N_('The products cannot stay in "{name}" if it is deleted.', name=name))
        uow.conn.execute(
            update(product).where(product.c.category_id == category_id).values(category_id=command.move_products_to)
        )
        for product_id in own_products:
            uow.record(ProductUpdated(**product_event_state(uow, product_id)))
    children = uow.conn.execute(select(category.c.id, category.c.name).where(category.c.parent_id == category_id)).all()
    for child_id, child_name in children:
        # Not against the category being deleted (Sale > Sale may lose its outer Sale).
        refuse_sibling_named(uow, child_name, parent_id, except_id=category_id)
        uow.conn.execute(update(category).where(category.c.id == child_id).values(parent_id=parent_id))
        uow.record(CategoryMoved(category_id=child_id, parent_id=parent_id))
    uow.conn.execute(delete(category).where(category.c.id == category_id))
    uow.record(CategoryDeleted(category_id=category_id))
