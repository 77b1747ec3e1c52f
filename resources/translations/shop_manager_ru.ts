<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name></name>
    <message>
        <location filename="../../core/catalog_csv.py" line="+68"/>
        <location line="+563"/>
        <location filename="../../core/domain/command_values.py" line="+37"/>
        <location filename="../../core/handlers/catalog_import.py" line="+130"/>
        <location filename="../../core/handlers/products.py" line="+54"/>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <location line="-562"/>
        <location line="+583"/>
        <location filename="../../core/domain/validation.py" line="+80"/>
        <location filename="../../core/handlers/catalog_import.py" line="+1"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="-582"/>
        <location filename="../../core/handlers/categories.py" line="+31"/>
        <location filename="../../core/handlers/products.py" line="+16"/>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/domain/validation.py" line="-39"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/domain/validation.py" line="-4"/>
        <location filename="../../core/handlers/catalog_import.py" line="+3"/>
        <source>Stock</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+562"/>
        <location filename="../../core/handlers/catalog_import.py" line="+1"/>
        <location filename="../../core/handlers/products.py" line="-1"/>
        <source>Barcode</source>
        <translation>Штрихкод</translation>
    </message>
    <message>
        <location line="-561"/>
        <location filename="../../core/handlers/catalog_import.py" line="+1"/>
        <location filename="../../core/handlers/products.py" line="-7"/>
        <source>Reorder level</source>
        <translation>Минимальный остаток</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Price cannot be negative.</source>
        <translation>Цена не может быть отрицательной.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <location line="+20"/>
        <location line="+3"/>
        <source>Price &quot;{text}&quot; is not an amount.</source>
        <translation>Цена «{text}» — это не сумма.</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Price &quot;{text}&quot; is ambiguous (thousands or decimals?): write it with two decimals, such as 1234.00 or 1.23.</source>
        <translation>Цена «{text}» неоднозначна (тысячи или копейки?): укажите два знака после запятой, например 1234.00 или 1.23.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Price &quot;{text}&quot; has more than two decimals.</source>
        <translation>В цене «{text}» больше двух знаков после запятой.</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../../core/domain/validation.py" line="-11"/>
        <source>{label} cannot be negative.</source>
        <translation>Поле «{label}» не может быть отрицательным.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} &quot;{s}&quot; is not a whole number.</source>
        <translation>Поле «{label}»: «{s}» — не целое число.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../core/handlers/catalog_import.py" line="-89"/>
        <location line="+41"/>
        <source>Category cannot be empty.</source>
        <translation>Категория не может быть пустой.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category &quot;{text}&quot; has an empty level (two &quot;/&quot; in a row).</source>
        <translation>В категории «{text}» пустой уровень (два «/» подряд).</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/handlers/catalog_import.py" line="-28"/>
        <source>Each category in the path</source>
        <translation>Каждая категория в пути</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Line {line} of &quot;{name}&quot; is not UTF-8 text: save the file as &quot;CSV UTF-8&quot; (Excel) or with the Unicode (UTF-8) character set (LibreOffice) and import it again.</source>
        <translation>Строка {line} файла «{name}» — не текст UTF-8: сохраните файл как «CSV UTF-8» (Excel) или с кодировкой Юникод (UTF-8) (LibreOffice) и импортируйте снова.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;{name}&quot; is UTF-16 text, not UTF-8: save it as &quot;CSV UTF-8&quot; (Excel) or with the Unicode (UTF-8) character set (LibreOffice).</source>
        <translation>«{name}» — текст UTF-16, а не UTF-8: сохраните его как «CSV UTF-8» (Excel) или с кодировкой Юникод (UTF-8) (LibreOffice).</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Columns {value} (&quot;{text}&quot;) and {value2} (&quot;{strip2}&quot;) of &quot;{name}&quot; are both the {field}: keep one.</source>
        <translation>Столбцы {value} («{text}») и {value2} («{strip2}») файла «{name}» оба означают «{field}»: оставьте один.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Repeated SKUs are rejected, or the first or last row kept, not {repeated_skus!r}.</source>
        <translation>Повторяющиеся артикулы отклоняются либо сохраняется первая или последняя строка, а не {repeated_skus!r}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+62"/>
        <location line="+499"/>
        <source>&quot;{name}&quot; is empty: there is no header line.</source>
        <translation>Файл «{name}» пуст: в нём нет строки заголовков.</translation>
    </message>
    <message>
        <location line="-556"/>
        <location line="+579"/>
        <source>&quot;{path}&quot; could not be read: {value}.</source>
        <translation>Не удалось прочитать «{path}»: {value}.</translation>
    </message>
    <message>
        <location line="-542"/>
        <location line="+551"/>
        <source>Line {value} of &quot;{name}&quot; could not be read ({exc}): is a closing quote missing?</source>
        <translation>Не удалось прочитать строку {value} файла «{name}» ({exc}): может быть, не хватает закрывающей кавычки?</translation>
    </message>
    <message>
        <location line="-507"/>
        <source>SKU &quot;{sku}&quot; is repeated: its last row, line {line}, is kept.</source>
        <translation>Артикул «{sku}» повторяется: сохраняется его последняя строка, строка {line}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SKU &quot;{sku}&quot; is repeated: its first row, line {line}, is kept.</source>
        <translation>Артикул «{sku}» повторяется: сохраняется его первая строка, строка {line}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SKU &quot;{sku}&quot; is already on line {line}.</source>
        <translation>Артикул «{sku}» уже есть в строке {line}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Barcode &quot;{barcode}&quot; is already on line {line} (SKU &quot;{owner}&quot;).</source>
        <translation>Штрихкод «{barcode}» уже есть в строке {line} (артикул «{owner}»).</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>The row has {count} values but the header names {width} columns (a value holding the delimiter must be in double quotes).</source>
        <translation>В строке значений: {count}, а в заголовке столбцов: {width} (значение, содержащее разделитель, должно быть в двойных кавычках).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The row runs from line {start} to line {end}: a value in quotes holds a line break (or a closing quote is missing).</source>
        <translation>Строка занимает строки с {start} по {end}: значение в кавычках содержит перевод строки (или не хватает закрывающей кавычки).</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Barcode &quot;{code}&quot; was turned into a number by a spreadsheet: format the barcode column as text and save the file again.</source>
        <translation>Штрихкод «{code}» превращён электронной таблицей в число: задайте столбцу штрихкодов текстовый формат и сохраните файл снова.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Price is missing.</source>
        <translation>Цена не указана.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Price &quot;{text}&quot; is zero: a product needs a price.</source>
        <translation>Цена «{text}» равна нулю: у товара должна быть цена.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Price &quot;{text}&quot; is more than {amount}.</source>
        <translation>Цена «{text}» больше {amount}.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The batch size must be a whole number of at least 1.</source>
        <translation>Размер пакета должен быть целым числом не меньше 1.</translation>
    </message>
    <message>
        <location line="+147"/>
        <location filename="../../core/handlers/catalog.py" line="+84"/>
        <location filename="../../core/handlers/categories.py" line="+5"/>
        <source>There is no category number {category_id}.</source>
        <translation>Нет категории с номером {category_id}.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&quot;{path}&quot; could not be written: {value}.</source>
        <translation>Не удалось записать «{path}»: {value}.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;{name}&quot; has no column {value} for the {field}.</source>
        <translation>В «{name}» нет столбца {value} для поля «{field}».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>One column was chosen for two fields: choose one column each.</source>
        <translation>Один столбец выбран для двух полей: выберите для каждого свой столбец.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a column for: {choices}.</source>
        <translation>Выберите столбец для: {choices}.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&quot;{name}&quot; is not UTF-8 text: save it as &quot;CSV UTF-8&quot; and import it again.</source>
        <translation>«{name}» — не текст UTF-8: сохраните его как «CSV UTF-8» и импортируйте снова.</translation>
    </message>
    <message>
        <location filename="../../core/demo.py" line="+372"/>
        <source>The demo shop can only be added to an empty shop.</source>
        <translation>Демо-магазин можно добавить только в пустой магазин.</translation>
    </message>
    <message>
        <location filename="../../core/dispatcher.py" line="+93"/>
        <source>The connection to the shop&apos;s server broke while this was being saved, so it is not known whether it was. Try again once the server can be reached: Shop Manager checks first, and never does it twice.</source>
        <translation>Связь с сервером магазина оборвалась во время сохранения, поэтому неизвестно, сохранилось ли это. Попробуйте ещё раз, когда сервер станет доступен: Shop Manager сначала проверит и никогда не сделает это дважды.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Unknown command: {kind}.</source>
        <translation>Неизвестная команда: {kind}.</translation>
    </message>
    <message>
        <location filename="../../core/domain/command_values.py" line="+1"/>
        <source>PIN</source>
        <translation>PIN-код</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/handlers/customers.py" line="+46"/>
        <source>The e-mail address</source>
        <translation>Адрес эл. почты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rate</source>
        <translation>ставка</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>A text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} is far too large a number.</source>
        <translation>{value} — слишком большое число.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{label} holds a character that is not text (a lone surrogate).</source>
        <translation>Поле «{label}» содержит символ, который не является текстом (одиночный суррогат).</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../core/domain/validation.py" line="+48"/>
        <source>{label} holds a control character (U+{ord:04X}), which cannot be stored.</source>
        <translation>Поле «{label}» содержит управляющий символ (U+{ord:04X}), его нельзя сохранить.</translation>
    </message>
    <message>
        <location filename="../../core/domain/denominations.py" line="+75"/>
        <source>A denomination</source>
        <translation>Номинал</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A count</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/domain/validation.py" line="-51"/>
        <location line="+28"/>
        <source>{label} must be a whole number, not {value}.</source>
        <translation>Поле «{label}» должно быть целым числом, а не {value}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A denomination must be more than nothing.</source>
        <translation>Номинал должен быть больше нуля.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A count is from 0 to {MAX_COUNT:,}.</source>
        <translation>Количество — от 0 до {MAX_COUNT:,}.</translation>
    </message>
    <message>
        <location filename="../../core/domain/order_lines.py" line="+32"/>
        <source>A discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>{label} must be a percentage or an amount, not {value}.</source>
        <translation>Поле «{label}» должно быть процентом или суммой, а не {value}.</translation>
    </message>
    <message>
        <location line="-5"/>
        <location filename="../../core/handlers/settings.py" line="+33"/>
        <source>{label} must be a percentage from 0 to 100.</source>
        <translation>Поле «{label}» должно быть процентом от 0 до 100.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>An order&apos;s lines must be a list of order lines.</source>
        <translation>Строки заказа должны быть списком строк заказа.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An order can have at most {MAX_ORDER_LINES:,} lines; this one has {count:,}.</source>
        <translation>В заказе может быть не больше {MAX_ORDER_LINES:,} строк, а в этом — {count:,}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not an order line: {value}.</source>
        <translation>Это не строка заказа: {value}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/handlers/products_state.py" line="+25"/>
        <location filename="../../core/handlers/returns.py" line="+40"/>
        <location filename="../../core/handlers/stock.py" line="+36"/>
        <source>Product number</source>
        <translation>Номер товара</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A line discount</source>
        <translation>Скидка на строку</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The order is empty: add at least one product.</source>
        <translation>Заказ пуст: добавьте хотя бы один товар.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{name} is on two lines with different discounts: put it on one line.</source>
        <translation>{name} стоит в двух строках с разными скидками: объедините их в одну строку.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../core/handlers/products_state.py" line="+4"/>
        <location filename="../../core/read_model/queries.py" line="+37"/>
        <source>There is no product number {product_id}.</source>
        <translation>Нет товара с номером {product_id}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is archived: restore it before selling it.</source>
        <translation>Товар «{name}» в архиве: верните его из архива, чтобы продавать.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The order&apos;s request id must be a text.</source>
        <translation>Идентификатор запроса заказа должен быть текстом.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The order&apos;s request id must be one line of at most {MAX_REQUEST_ID_LENGTH} characters, without surrounding spaces.</source>
        <translation>Идентификатор запроса заказа должен быть одной строкой не длиннее {MAX_REQUEST_ID_LENGTH} символов, без пробелов по краям.</translation>
    </message>
    <message>
        <location filename="../../core/domain/order_status.py" line="+42"/>
        <source>Order {id} is already paid.</source>
        <translation>Заказ {id} уже оплачен.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {id} is already paid and fulfilled.</source>
        <translation>Заказ {id} уже оплачен и выдан.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {id} is cancelled: it cannot be paid.</source>
        <translation>Заказ {id} отменён: его нельзя оплатить.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order {id} is not paid yet: {due} is still due.</source>
        <translation>Заказ {id} ещё не оплачен: к оплате {due}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {id} is already fulfilled.</source>
        <translation>Заказ {id} уже выдан.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {id} is cancelled: it cannot be fulfilled.</source>
        <translation>Заказ {id} отменён: его нельзя выдать.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order {id} is already fulfilled: take a return instead.</source>
        <translation>Заказ {id} уже выдан: оформите возврат.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {id} is already cancelled.</source>
        <translation>Заказ {id} уже отменён.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order {id} is not paid yet, so nothing can be returned: cancel it instead.</source>
        <translation>Заказ {id} ещё не оплачен, возвращать нечего: отмените его.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {id} is cancelled: its items are already back in stock.</source>
        <translation>Заказ {id} отменён: его товары уже вернулись на склад.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Order {id} cannot be changed now.</source>
        <translation>Заказ {id} сейчас нельзя изменить.</translation>
    </message>
    <message>
        <location filename="../../core/domain/permissions.py" line="+68"/>
        <source>Cancelling an order</source>
        <translation>Отмена заказа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reversing a payment</source>
        <translation>Отмена оплаты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taking items back</source>
        <translation>Возврат товара</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjusting stock</source>
        <translation>Корректировка остатка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving stock</source>
        <translation>Приход товара</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adding a product</source>
        <translation>Добавление товара</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adding products</source>
        <translation>Добавление товаров</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changing a product</source>
        <translation>Изменение товара</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archiving a product</source>
        <translation>Перенос товара в архив</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restoring a product</source>
        <translation>Возврат товара из архива</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleting a product</source>
        <translation>Удаление товара</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importing products</source>
        <translation>Импорт товаров</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adding a category</source>
        <translation>Добавление категории</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renaming a category</source>
        <translation>Переименование категории</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moving a category</source>
        <translation>Перемещение категории</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleting a category</source>
        <translation>Удаление категории</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changing a category&apos;s tax rate</source>
        <translation>Изменение ставки налога категории</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changing the shop&apos;s settings</source>
        <translation>Изменение настроек магазина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paying cash out</source>
        <translation>Выплата из кассы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing the till</source>
        <translation>Закрытие смены</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adding staff</source>
        <translation>Добавление сотрудников</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changing staff details</source>
        <translation>Изменение данных сотрудника</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening the drawer without a sale</source>
        <translation>Открытие денежного ящика без продажи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giving a product a barcode</source>
        <translation>Присвоение товару штрихкода</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giving products barcodes</source>
        <translation>Присвоение товарам штрихкодов</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This needs a manager: ask one to approve it.</source>
        <translation>Для этого нужно одобрение менеджера: попросите его.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{action} needs a manager: ask one to approve it.</source>
        <translation>{action}: нужно одобрение менеджера, попросите его.</translation>
    </message>
    <message>
        <location filename="../../core/domain/refunds.py" line="+14"/>
        <source>Choose how the money goes back: cash, card or other.</source>
        <translation>Выберите, как вернуть деньги: наличными, картой или другим способом.</translation>
    </message>
    <message>
        <location filename="../../core/domain/report_periods.py" line="+52"/>
        <source>A report is grouped by one of: {choices}.</source>
        <translation>Отчёт группируется по одному из: {choices}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A report&apos;s period is given as two days (dates).</source>
        <translation>Период отчёта задаётся двумя днями (датами).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A report&apos;s period must end on or after the day it starts.</source>
        <translation>Период отчёта должен заканчиваться не раньше, чем начинается.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A report covers at most twelve years.</source>
        <translation>Отчёт охватывает не больше двенадцати лет.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A report&apos;s limit is a whole number of rows, at least 1.</source>
        <translation>Лимит отчёта — целое число строк, не меньше 1.</translation>
    </message>
    <message>
        <location filename="../../core/domain/staff.py" line="+41"/>
        <source>Choose a role: {choices}.</source>
        <translation>Выберите роль: {choices}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A PIN is {MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits.</source>
        <translation>PIN-код — от {MIN_PIN_LENGTH} до {MAX_PIN_LENGTH} цифр.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A till&apos;s name must be one line of text.</source>
        <translation>Название кассы должно быть одной строкой текста.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A till&apos;s name is at most {MAX_TILL_NAME_LENGTH} characters.</source>
        <translation>Название кассы — не длиннее {MAX_TILL_NAME_LENGTH} символов.</translation>
    </message>
    <message>
        <location filename="../../core/domain/validation.py" line="-24"/>
        <source>{label} must be at least {minimum}.</source>
        <translation>Поле «{label}» должно быть не меньше {minimum}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{label} cannot be more than {maximum:,}.</source>
        <translation>Поле «{label}» не может быть больше {maximum:,}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{label} cannot be more than {amount}.</source>
        <translation>Поле «{label}» не может быть больше {amount}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{label} {value} is far too large a number.</source>
        <translation>Поле «{label}»: {value} — слишком большое число.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+46"/>
        <source>{label} must be on one line.</source>
        <translation>Поле «{label}» должно быть одной строкой.</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>{label} cannot be empty: it holds only characters that show nothing.</source>
        <translation>Поле «{label}» не может быть пустым: в нём только невидимые символы.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+18"/>
        <source>{label} cannot be empty.</source>
        <translation>Поле «{label}» не может быть пустым.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>{label} is too long (at most {MAX_NAME_LENGTH} characters).</source>
        <translation>Поле «{label}» слишком длинное (не больше {MAX_NAME_LENGTH} символов).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{label} {value} must not start or end with a space.</source>
        <translation>Поле «{label}»: {value} не должно начинаться или заканчиваться пробелом.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{label} is too long (at most {MAX_CODE_LENGTH} characters).</source>
        <translation>Поле «{label}» слишком длинное (не больше {MAX_CODE_LENGTH} символов).</translation>
    </message>
    <message>
        <location filename="../../core/handlers/catalog.py" line="-57"/>
        <source>Parent category</source>
        <translation>Родительская категория</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There are no products to add.</source>
        <translation>Нет товаров для добавления.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Item {number} is not a product.</source>
        <translation>Элемент {number} — не товар.</translation>
    </message>
    <message>
        <location line="+33"/>
        <location filename="../../core/handlers/products.py" line="+21"/>
        <source>Another product already has the SKU &quot;{sku}&quot;.</source>
        <translation>У другого товара уже есть артикул «{sku}».</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../core/handlers/products.py" line="+2"/>
        <source>Another product already has the barcode &quot;{barcode}&quot;.</source>
        <translation>У другого товара уже есть штрихкод «{barcode}».</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Another product already has one of these SKUs or barcodes.</source>
        <translation>У другого товара уже есть один из этих артикулов или штрихкодов.</translation>
    </message>
    <message>
        <location filename="../../core/handlers/catalog_import.py" line="-7"/>
        <source>The category path {value} is too deep: at most {MAX_CATEGORY_DEPTH} levels of at most {MAX_NAME_LENGTH} characters each.</source>
        <translation>Путь категории {value} слишком глубокий: не больше {MAX_CATEGORY_DEPTH} уровней по {MAX_NAME_LENGTH} символов.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Barcode must be text, not {value}.</source>
        <translation>Штрихкод должен быть текстом, а не {value}.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>An import takes a list of product records.</source>
        <translation>Импорт принимает список записей о товарах.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each product record needs its line number, not {value}.</source>
        <translation>Каждой записи о товаре нужен номер строки, а не {value}.</translation>
    </message>
    <message>
        <location filename="../../core/handlers/categories.py" line="-20"/>
        <source>Category name</source>
        <translation>Название категории</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{label} cannot contain &quot;/&quot;.</source>
        <translation>Поле «{label}» не может содержать «/».</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>A category named &quot;{name}&quot; already exists there.</source>
        <translation>Категория «{name}» там уже есть.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Categories go at most {MAX_CATEGORY_DEPTH} levels deep: &quot;{name}&quot; there would make {deepest}.</source>
        <translation>Категории вкладываются не глубже {MAX_CATEGORY_DEPTH} уровней: «{name}» там дала бы {deepest}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New parent category</source>
        <translation>Новая родительская категория</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;{name}&quot; cannot go under itself or one of its own sub-categories.</source>
        <translation>«{name}» нельзя поместить в саму себя или в одну из её подкатегорий.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&quot;{name}&quot; still holds {count} product: choose a category to move them to.</source>
        <translation>В «{name}» ещё есть товары ({count}): выберите категорию, куда их перенести.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{name}&quot; still holds {count} products: choose a category to move them to.</source>
        <translation>В «{name}» ещё есть товары ({count}): выберите категорию, куда их перенести.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category to move the products to</source>
        <translation>Категория, куда перенести товары</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The products cannot stay in &quot;{name}&quot; if it is deleted.</source>
        <translation>Товары не могут остаться в «{name}», если её удалить.</translation>
    </message>
    <message>
        <location filename="../../core/handlers/customers.py" line="-17"/>
        <source>{label} must be text, not {value}.</source>
        <translation>Поле «{label}» должно быть текстом, а не {value}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The phone number</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The phone number &quot;{value}&quot; does not look right: use digits, spaces and + ( ) - only.</source>
        <translation>Телефон «{value}» выглядит неверно: используйте только цифры, пробелы и + ( ) -.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The e-mail address &quot;{value}&quot; does not look right: it should be like name@example.com.</source>
        <translation>Адрес эл. почты «{value}» выглядит неверно: он должен быть вида name@example.com.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/handlers/stock.py" line="-7"/>
        <source>The note is too long (at most {MAX_NOTE_LENGTH} characters).</source>
        <translation>Примечание слишком длинное (не больше {MAX_NOTE_LENGTH} символов).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customer name</source>
        <translation>Имя покупателя</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customer number</source>
        <translation>Номер покупателя</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/read_model/queries.py" line="+130"/>
        <source>There is no customer number {customer_id}.</source>
        <translation>Нет покупателя с номером {customer_id}.</translation>
    </message>
    <message>
        <location filename="../../core/handlers/orders.py" line="+36"/>
        <source>Order number</source>
        <translation>Номер заказа</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../core/read_model/queries.py" line="-61"/>
        <source>There is no order number {order_id}.</source>
        <translation>Нет заказа с номером {order_id}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{name} is out of stock.</source>
        <translation>Товара «{name}» нет в наличии.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only {available} left of {name}.</source>
        <translation>Осталось только {available} шт. товара «{name}».</translation>
    </message>
    <message>
        <location line="+62"/>
        <location filename="../../core/read_model/queries.py" line="+7"/>
        <source>The order discount</source>
        <translation>Скидка на заказ</translation>
    </message>
    <message>
        <location filename="../../core/handlers/payments.py" line="+28"/>
        <source>Choose how the order is paid: cash, card or other.</source>
        <translation>Выберите способ оплаты: наличные, карта или другой.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a cash payment has an amount tendered.</source>
        <translation>Сумма, полученная от покупателя, бывает только при оплате наличными.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Order {order_id} has only {money} left to pay, not {money2}.</source>
        <translation>По заказу {order_id} осталось оплатить только {money}, а не {money2}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter the amount paid: {money} is due.</source>
        <translation>Введите оплаченную сумму: к оплате {money}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The cash tendered ({money}) does not cover {money2}.</source>
        <translation>Полученных наличных ({money}) не хватает на {money2}.</translation>
    </message>
    <message>
        <location filename="../../core/handlers/permissions.py" line="+53"/>
        <source>Sign in first: once a shop has staff, each of them signs in to use it.</source>
        <translation>Сначала войдите: когда в магазине есть сотрудники, каждый входит под своим именем.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} can no longer sign in: sign in as someone else.</source>
        <translation>{name} больше не может входить: войдите под другим именем.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only an active manager or owner can approve this.</source>
        <translation>Одобрить это может только действующий менеджер или владелец.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is a cashier and cannot approve this: ask a manager.</source>
        <translation>{name} — кассир и не может это одобрить: попросите менеджера.</translation>
    </message>
    <message>
        <location filename="../../core/handlers/products.py" line="-30"/>
        <source>Product name</source>
        <translation>Название товара</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cost price</source>
        <translation>Закупочная цена</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tax rate must be a percentage from 0 to 100.</source>
        <translation>Ставка налога должна быть процентом от 0 до 100.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/handlers/staff.py" line="+35"/>
        <source>Active must be yes or no, not {value}.</source>
        <translation>«Активен» должно быть «да» или «нет», а не {value}.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Another product already has the SKU &quot;{sku}&quot; or barcode &quot;{barcode}&quot;.</source>
        <translation>У другого товара уже есть артикул «{sku}» или штрихкод «{barcode}».</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Another product already has this SKU or barcode.</source>
        <translation>У другого товара уже есть этот артикул или штрихкод.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{name} is already {state}.</source>
        <translation>Товар «{name}» уже {state}.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{name} has been sold, so it stays in past orders: archive it instead of deleting it.</source>
        <translation>Товар «{name}» уже продавался и остаётся в прошлых заказах: перенесите его в архив вместо удаления.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{name} already has the barcode &quot;{barcode}&quot;.</source>
        <translation>У товара «{name}» уже есть штрихкод «{barcode}».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The shop&apos;s own barcodes are all given: give this product one of its maker&apos;s.</source>
        <translation>Все собственные штрихкоды магазина уже выданы: укажите для этого товара штрихкод производителя.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose the products to give barcodes to.</source>
        <translation>Выберите товары, которым нужно присвоить штрихкоды.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each of these products already has a barcode.</source>
        <translation>У каждого из этих товаров уже есть штрихкод.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The shop&apos;s own barcodes would run out after {count} of these {total} products: give the others their makers&apos; barcodes.</source>
        <translation>Собственные штрихкоды магазина закончатся после {count} из {total} товаров: укажите для остальных штрихкоды производителей.</translation>
    </message>
    <message>
        <location filename="../../core/handlers/returns.py" line="-5"/>
        <source>A return&apos;s lines must be a list of return lines.</source>
        <translation>Строки возврата должны быть списком строк возврата.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not a return line: {value}.</source>
        <translation>Это не строка возврата: {value}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose at least one item to return.</source>
        <translation>Выберите хотя бы один товар для возврата.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a reason for the return: {choices}.</source>
        <translation>Выберите причину возврата: {choices}.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Order {order_id} has no {product_name}.</source>
        <translation>В заказе {order_id} нет товара «{product_name}».</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Every {name} from order {order_id} has already been returned.</source>
        <translation>Все «{name}» из заказа {order_id} уже возвращены.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only {left} of {name} from order {order_id} can still be returned.</source>
        <translation>Из заказа {order_id} можно вернуть ещё только {left} шт. товара «{name}».</translation>
    </message>
    <message>
        <location filename="../../core/handlers/settings.py" line="-2"/>
        <source>Tax rate</source>
        <translation>Ставка налога</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The address must be text, not {value}.</source>
        <translation>Адрес должен быть текстом, а не {value}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The address is too long (at most {MAX_ADDRESS_LENGTH} characters).</source>
        <translation>Адрес слишком длинный (не больше {MAX_ADDRESS_LENGTH} символов).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The currency code must be three letters, such as GBP or EUR.</source>
        <translation>Код валюты — три буквы, например RUB или EUR.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The currency symbol cannot be empty.</source>
        <translation>Символ валюты не может быть пустым.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The currency symbol must be one line of at most {MAX_SYMBOL_LENGTH} characters.</source>
        <translation>Символ валюты должен быть одной строкой не длиннее {MAX_SYMBOL_LENGTH} символов.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Prices include tax must be yes or no, not {value}.</source>
        <translation>«Цены включают налог» должно быть «да» или «нет», а не {value}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shop name</source>
        <translation>Название магазина</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The default tax rate</source>
        <translation>Ставка налога по умолчанию</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The shop&apos;s language is one of: {choices}.</source>
        <translation>Язык магазина — один из: {choices}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{currency_code} has {minor_digits} decimal places and {currency_code2} has {minor_digits2}: the prices already entered would change, so the currency cannot be changed now.</source>
        <translation>У {currency_code} {minor_digits} знаков после запятой, а у {currency_code2} — {minor_digits2}: уже введённые цены изменились бы, поэтому сменить валюту сейчас нельзя.</translation>
    </message>
    <message>
        <location filename="../../core/handlers/staff.py" line="+9"/>
        <source>Another staff member is already called &quot;{name}&quot;.</source>
        <translation>Другого сотрудника уже зовут «{name}».</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+25"/>
        <source>Staff name</source>
        <translation>Имя сотрудника</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The first staff member must be an owner, who can then add everyone else.</source>
        <translation>Первым сотрудником должен быть владелец: он затем добавит всех остальных.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an owner can add an owner.</source>
        <translation>Добавить владельца может только владелец.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+38"/>
        <source>Staff number</source>
        <translation>Номер сотрудника</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+47"/>
        <location filename="../../core/read_model/queries.py" line="+110"/>
        <source>There is no staff member number {staff_id}.</source>
        <translation>Нет сотрудника с номером {staff_id}.</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Only an owner can change {name}&apos;s details: {name} is an owner.</source>
        <translation>Изменить данные {name} может только владелец: {name} — владелец.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an owner can make someone an owner.</source>
        <translation>Назначить владельцем может только владелец.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} is the shop&apos;s last owner: make someone else an owner first.</source>
        <translation>{name} — последний владелец магазина: сначала назначьте владельцем кого-то другого.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{name} can no longer sign in.</source>
        <translation>{name} больше не может входить.</translation>
    </message>
    <message>
        <location filename="../../core/handlers/stock.py" line="-4"/>
        <source>A note must be text, not {value}.</source>
        <translation>Примечание должно быть текстом, а не {value}.</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+81"/>
        <source>Stock of {name} cannot go above {MAX_QUANTITY:,}.</source>
        <translation>Остаток товара «{name}» не может быть больше {MAX_QUANTITY:,}.</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Choose a reason for the adjustment: {choices}.</source>
        <translation>Выберите причину корректировки: {choices}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give either the counted quantity or the change, not both.</source>
        <translation>Укажите либо подсчитанное количество, либо изменение, но не оба сразу.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The stock seen</source>
        <translation>Видимый остаток</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stock of {name} changed from {seen} to {stock} while you counted; please count again.</source>
        <translation>Остаток товара «{name}» изменился с {seen} на {stock}, пока вы считали; пересчитайте, пожалуйста.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Counted quantity</source>
        <translation>Подсчитанное количество</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stock of {name} changed while you counted; please count again.</source>
        <translation>Остаток товара «{name}» изменился, пока вы считали; пересчитайте, пожалуйста.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A change of 0 changes nothing.</source>
        <translation>Изменение на 0 ничего не меняет.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Only {available} of {name} in stock: cannot take away {change}.</source>
        <translation>На складе только {available} шт. товара «{name}»: нельзя списать {change}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{name} already has {stock_after} in stock: nothing to adjust.</source>
        <translation>У товара «{name}» уже {stock_after} шт. на складе: корректировать нечего.</translation>
    </message>
    <message>
        <location filename="../../core/handlers/till.py" line="+99"/>
        <source>The float</source>
        <translation>Размен</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{till} is already open: close it before opening it again.</source>
        <translation>Смена на кассе «{till}» уже открыта: закройте её, прежде чем открывать снова.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The counted cash</source>
        <translation>Подсчитанные наличные</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{till} is not open: there is nothing to close.</source>
        <translation>Смена на кассе «{till}» не открыта: закрывать нечего.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The reason is too long (at most {MAX_REASON_LENGTH} characters).</source>
        <translation>Причина слишком длинная (не больше {MAX_REASON_LENGTH} символов).</translation>
    </message>
    <message>
        <location filename="../../core/read_model/queries.py" line="-143"/>
        <source>Choose a status: {choices}.</source>
        <translation>Выберите статус: {choices}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A page of orders holds at least one order.</source>
        <translation>На странице заказов должен быть хотя бы один заказ.</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>{till} is not open: there is no session to report on yet.</source>
        <translation>Смена на кассе «{till}» не открыта: отчитываться пока не о чем.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Till session</source>
        <translation>Смена</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no till session number {session_id}.</source>
        <translation>Нет смены с номером {session_id}.</translation>
    </message>
    <message>
        <location filename="../../core/shop.py" line="+187"/>
        <source>An approval is a manager&apos;s staff number and PIN.</source>
        <translation>Одобрение — это номер сотрудника-менеджера и его PIN-код.</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>product {id}</source>
        <translation>товар {id}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the top</source>
        <translation>верхний уровень</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>category {id}</source>
        <translation>категория {id}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>customer {id}</source>
        <translation>покупатель {id}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Undone by {name} at {at}</source>
        <translation>Отменил(а) {name}, {at}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Too many wrong PINs at this till: try again in {seconds} second.</source>
        <translation>Слишком много неверных PIN-кодов на этой кассе: попробуйте снова через {seconds} с.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many wrong PINs at this till: try again in {seconds} seconds.</source>
        <translation>Слишком много неверных PIN-кодов на этой кассе: попробуйте снова через {seconds} с.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That PIN is not right: {left} more try before sign-in pauses.</source>
        <translation>Неверный PIN-код. Попыток до паузы входа: {left}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That PIN is not right: {left} more tries before sign-in pauses.</source>
        <translation>Неверный PIN-код. Попыток до паузы входа: {left}.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Unknown query: {kind}.</source>
        <translation>Неизвестный запрос: {kind}.</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>is missing</source>
        <translation>отсутствует</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is empty (0 bytes)</source>
        <translation>пуст (0 байт)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The shop&apos;s database {name} {what} in {parent}, though the folder holds a shop&apos;s lists, so nothing was opened or changed: copy {name} back from the shop&apos;s latest backup into that folder, then open the shop again (to start an empty shop there instead, move the {name2} folder away first).</source>
        <translation>База данных магазина {name} {what} в {parent}, хотя в папке есть списки магазина, поэтому ничего не открыто и не изменено: скопируйте {name} в эту папку из последней резервной копии магазина и откройте магазин снова (чтобы начать там пустой магазин, сначала уберите папку {name2}).</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>This till&apos;s shop is on the shared server {server}: open it there (Shop Manager asks for the password), or give its address with --database-url.</source>
        <translation>Магазин этой кассы находится на общем сервере {server}: откройте его там (Shop Manager спросит пароль) или укажите его адрес в --database-url.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The shop in {data_dir} could not be opened: {value}.</source>
        <translation>Не удалось открыть магазин в {data_dir}: {value}.</translation>
    </message>
    <message>
        <location filename="../../core/write_model/db_errors.py" line="+10"/>
        <source>Another till is holding the shop&apos;s database; nothing was changed. Try again in a moment: it should work once that till has finished.</source>
        <translation>Базу данных магазина занимает другая касса; ничего не изменено. Попробуйте ещё раз через минуту: всё получится, когда та касса закончит.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The shop&apos;s server could not be reached; nothing was changed. Check the network and that the server is running: Shop Manager keeps trying, and this till&apos;s lists stay as they were meanwhile.</source>
        <translation>Сервер магазина недоступен; ничего не изменено. Проверьте сеть и что сервер запущен: Shop Manager продолжает попытки, а списки этой кассы пока остаются как были.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>The shop&apos;s server could not be reached: check the network, the address and that the server is running, then try again.</source>
        <translation>Сервер магазина недоступен: проверьте сеть, адрес и что сервер запущен, затем попробуйте снова.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The shop&apos;s server refused the login ({reason}): check the user name and password in the address.</source>
        <translation>Сервер магазина отказал во входе ({reason}): проверьте имя пользователя и пароль в адресе.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The shop&apos;s server has no such database ({reason}): create it first (see the README), or check its name in the address.</source>
        <translation>На сервере магазина нет такой базы данных ({reason}): сначала создайте её (см. README) или проверьте её имя в адресе.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The shop&apos;s database could not be written; nothing was changed</source>
        <translation>Не удалось записать базу данных магазина; ничего не изменено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shop&apos;s database could not be opened</source>
        <translation>Не удалось открыть базу данных магазина</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{head}. It is read-only: let this user write to the shop&apos;s folder, or move the shop to a folder that can be written, then start Shop Manager again.</source>
        <translation>{head}. Она доступна только для чтения: дайте этому пользователю право записи в папку магазина или перенесите магазин в папку, доступную для записи, и запустите Shop Manager снова.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{head}. Its folder cannot be written: let this user write to the shop&apos;s folder, or move the shop to a folder that can be written, then start Shop Manager again.</source>
        <translation>{head}. В её папку нельзя записывать: дайте этому пользователю право записи в папку магазина или перенесите магазин в папку, доступную для записи, и запустите Shop Manager снова.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{head}. The disk holding the shop is full: free some space on it, then try again.</source>
        <translation>{head}. Диск с магазином заполнен: освободите на нём место и попробуйте снова.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{head}. It is damaged ({reason}): close Shop Manager and restore the shop from its latest backup.</source>
        <translation>{head}. Она повреждена ({reason}): закройте Shop Manager и восстановите магазин из последней резервной копии.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{head} ({reason}). Please try again.</source>
        <translation>{head} ({reason}). Попробуйте ещё раз.</translation>
    </message>
    <message>
        <location filename="../../core/write_model/engine.py" line="+80"/>
        <source>That is not a database address ({reason}): it looks like {driver}://user@server/shop.</source>
        <translation>Это не адрес базы данных ({reason}): он выглядит так: {driver}://user@server/shop.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only PostgreSQL servers can hold a shared shop: the address starts with {driver}://.</source>
        <translation>Общий магазин может храниться только на сервере PostgreSQL: адрес начинается с {driver}://.</translation>
    </message>
    <message>
        <location filename="../../core/shared_server.py" line="+144"/>
        <location line="+11"/>
        <source>The shop&apos;s folder {folder} could not be written: {reason}.</source>
        <translation>Не удалось записать в папку магазина {folder}: {reason}.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>This till&apos;s shop is on the server already ({server}), so nothing was moved.</source>
        <translation>Магазин этой кассы уже на сервере ({server}), поэтому ничего не перенесено.</translation>
    </message>
    <message>
        <location filename="../../core/write_model/engine.py" line="+21"/>
        <source>This copy of Shop Manager cannot reach a shared server (the psycopg library is missing): install the full package, or open a shop kept in a folder.</source>
        <translation>Эта копия Shop Manager не может подключиться к общему серверу (нет библиотеки psycopg): установите полный пакет или откройте магазин, хранящийся в папке.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>This shop was last used by a newer Shop Manager (data version {found}); please install that version.</source>
        <translation>Этот магазин последний раз открывала более новая версия Shop Manager (версия данных {found}); установите эту версию.</translation>
    </message>
    <message>
        <location filename="../../core/receipt.py" line="+84"/>
        <source>{amount} off</source>
        <translation>скидка {amount}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{percent} off</source>
        <translation>скидка {percent}</translation>
    </message>
    <message>
        <location filename="../../core/backups/health.py" line="+23"/>
        <source>This shop is not backed up: choose a backup folder with File &gt; Back up now.</source>
        <translation>У магазина нет резервной копии: выберите папку для копий в меню Файл &gt; Создать резервную копию.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup folder {folder} is missing: connect the USB stick or share, or choose another folder.</source>
        <translation>Папка резервных копий {folder} недоступна: подключите флешку или сетевую папку либо выберите другую.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This shop has no backup in {folder} yet: use File &gt; Back up now.</source>
        <translation>В папке {folder} пока нет резервной копии этого магазина: выберите Файл &gt; Создать резервную копию.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The newest backup is 1 day old: use File &gt; Back up now.</source>
        <translation>Последней резервной копии уже сутки: выберите Файл &gt; Создать резервную копию.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The newest backup is {days} days old: use File &gt; Back up now.</source>
        <translation>Последняя резервная копия устарела (дней: {days}): выберите Файл &gt; Создать резервную копию.</translation>
    </message>
    <message>
        <location filename="../../core/backups/making.py" line="+59"/>
        <source>There is no shop database at {path} to back up.</source>
        <translation>Базы данных магазина для резервной копии нет: {path}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup folder {folder} is missing: is the USB stick or network share connected?</source>
        <translation>Папка резервных копий {folder} недоступна: подключена ли флешка или сетевая папка?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The shop&apos;s database could not be copied for a backup: {problem}.</source>
        <translation>Не удалось скопировать базу данных магазина для резервной копии: {problem}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backup could not be written to {folder}: {problem}.</source>
        <translation>Не удалось записать резервную копию в {folder}: {problem}.</translation>
    </message>
    <message>
        <location filename="../../core/backups/restoring.py" line="+108"/>
        <source>The backup “{name}” is damaged or cut short: its database cannot be unpacked.</source>
        <translation>Резервная копия «{name}» повреждена или неполна: её базу данных нельзя распаковать.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backup “{name}” could not be unpacked into {folder}: {problem}.</source>
        <translation>Не удалось распаковать резервную копию «{name}» в {folder}: {problem}.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The shop&apos;s database {name} could not be read: {problem}.</source>
        <translation>Не удалось прочитать базу данных магазина {name}: {problem}.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Today&apos;s shop could not be moved aside into {folder}: {problem}.</source>
        <translation>Не удалось отложить текущий магазин в папку {folder}: {problem}.</translation>
    </message>
    <message>
        <location filename="../../core/backups/settings.py" line="+49"/>
        <source>Warn about an old backup after a whole number of days.</source>
        <translation>Срок предупреждения о старой резервной копии — целое число дней.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warn about an old backup after 1 to {most} days.</source>
        <translation>Срок предупреждения о старой резервной копии — от 1 до {most} дней.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The backup settings could not be saved in {folder}: {problem}.</source>
        <translation>Не удалось сохранить настройки резервного копирования в {folder}: {problem}.</translation>
    </message>
    <message>
        <location filename="../../core/handlers/reversals.py" line="+25"/>
        <source>There is no payment number {payment}.</source>
        <translation>Оплаты с номером {payment} нет.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The payment of {amount} for order {order} was reversed already.</source>
        <translation>Оплата {amount} по заказу {order} уже отменена.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Order {order} was handed over, cancelled or has items taken back: its payment of {amount} cannot be reversed; take the items back instead.</source>
        <translation>Заказ {order} уже выдан, отменён или по нему был возврат: его оплату {amount} отменить нельзя; оформите возврат товаров.</translation>
    </message>
    <message>
        <location filename="../../core/handlers/undo.py" line="+59"/>
        <source>A reversed payment is not taken again by Redo: take it from the Orders tab.</source>
        <translation>Отменённая оплата не принимается повторно через «Повторить»: примите её на вкладке «Заказы».</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../../core/journal_words.py" line="+179"/>
        <source>cash</source>
        <translation>наличными</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../core/journal_words.py" line="+0"/>
        <source>card</source>
        <translation>картой</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../core/journal_words.py" line="+0"/>
        <source>other</source>
        <translation>другим способом</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>adding a category</source>
        <translation>добавление категории</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deleting a category</source>
        <translation>удаление категории</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>adding a product</source>
        <translation>добавление товара</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deleting a product</source>
        <translation>удаление товара</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>setting a category&apos;s tax rate</source>
        <translation>ставка налога категории</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>taking a payment</source>
        <translation>приём оплаты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fulfilling an order</source>
        <translation>выдача заказа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelling an order</source>
        <translation>отмена заказа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>taking items back</source>
        <translation>возврат товаров</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>adding a customer</source>
        <translation>добавление покупателя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changing a customer</source>
        <translation>изменение покупателя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changing the shop&apos;s settings</source>
        <translation>изменение настроек магазина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>adding staff</source>
        <translation>добавление сотрудника</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changing staff details</source>
        <translation>изменение данных сотрудника</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opening the till</source>
        <translation>открытие кассы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counting the float</source>
        <translation>пересчёт размена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closing the till</source>
        <translation>закрытие кассы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paying cash in or out</source>
        <translation>внесение или выплата наличных</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>receive {quantity:,} × {name}</source>
        <translation>приёмка {quantity:,} × {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stock adjustment {change:+,} × {name}</source>
        <translation>корректировка остатка {change:+,} × {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>changes to {name}</source>
        <translation>изменения товара «{name}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rename to “{name}”</source>
        <translation>переименование в «{name}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>move of “{name}”</source>
        <translation>перемещение «{name}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>order {order}</source>
        <translation>заказ {order}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>payment {amount} by {method} for order {order}</source>
        <translation>оплата {amount} {method} по заказу {order}</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+277"/>
        <source>The last thing done at this till ({action}) cannot be undone.</source>
        <translation>Последнее действие на этой кассе ({action}) отменить нельзя.</translation>
    </message>
    <message>
        <location line="-262"/>
        <source>An undone order is not placed again: place {action} anew.</source>
        <translation>Отменённый заказ не оформляется повторно: оформите заново ({action}).</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Only {stock} of {name} left, fewer than the {received:,} received (some were sold since): the delivery cannot be undone; adjust the stock instead.</source>
        <translation>Товара «{name}» осталось {stock} — меньше, чем было принято ({received:,}), часть уже продана: поставку отменить нельзя, скорректируйте остаток.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Only {stock} of {name} left (some were sold since): the adjustment of {change:+,} cannot be undone.</source>
        <translation>Товара «{name}» осталось {stock} (часть уже продана): корректировку {change:+,} отменить нельзя.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The details {name} had before this change are no longer known: it cannot be undone.</source>
        <translation>Прежние данные товара «{name}» больше неизвестны: изменение отменить нельзя.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} was changed again since: undoing it would overwrite that change.</source>
        <translation>Товар «{name}» с тех пор снова изменили: отмена затёрла бы это изменение.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What the category was before this change is no longer known: it cannot be undone.</source>
        <translation>Прежнее состояние категории больше неизвестно: изменение отменить нельзя.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That category was deleted since: the change cannot be undone.</source>
        <translation>Эта категория с тех пор удалена: изменение отменить нельзя.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“{name}” was renamed again since: undoing the rename would overwrite that.</source>
        <translation>Категорию «{name}» с тех пор снова переименовали: отмена затёрла бы это.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“{name}” was moved again since: undoing the move would overwrite that.</source>
        <translation>Категорию «{name}» с тех пор снова переместили: отмена затёрла бы это.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Order {order} is gone now: placing it cannot be undone.</source>
        <translation>Заказа {order} больше нет: его оформление отменить нельзя.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order {order} is paid now: placing it cannot be undone.</source>
        <translation>Заказ {order} уже оплачен: его оформление отменить нельзя.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order {order} is fulfilled now: placing it cannot be undone.</source>
        <translation>Заказ {order} уже выдан: его оформление отменить нельзя.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} is cancelled now: placing it cannot be undone.</source>
        <translation>Заказ {order} уже отменён: его оформление отменить нельзя.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Order {order} has been paid: placing it cannot be undone; cancel it or take the items back instead.</source>
        <translation>Заказ {order} уже оплачен: его оформление отменить нельзя; отмените заказ или оформите возврат.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Only {stock} of {name} left: the adjustment of {change:+,} cannot be made again.</source>
        <translation>Товара «{name}» осталось {stock}: корректировку {change:+,} повторить нельзя.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The change to {name} cannot be made again.</source>
        <translation>Изменение товара «{name}» повторить нельзя.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} was changed again since: redoing it would overwrite that change.</source>
        <translation>Товар «{name}» с тех пор снова изменили: повтор затёр бы это изменение.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>An undone order is not placed again: place it anew.</source>
        <translation>Отменённый заказ не оформляется повторно: оформите его заново.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing done at this till can be undone.</source>
        <translation>На этой кассе нечего отменять.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Something else was done at this till since ({action}): undo that first.</source>
        <translation>С тех пор на этой кассе сделано другое действие ({action}): сначала отмените его.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>There is nothing to redo at this till: something else was done since the undo.</source>
        <translation>На этой кассе нечего повторять: после отмены было сделано другое действие.</translation>
    </message>
    <message>
        <location filename="../../core/hardware/printer_link.py" line="+24"/>
        <source>receipt printer</source>
        <translation>принтер чеков</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>label printer</source>
        <translation>принтер этикеток</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>USB printers need the pyusb package and libusb on this computer.</source>
        <translation>Для USB-принтеров на этом компьютере нужны пакет pyusb и libusb.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Serial printers need the pyserial package on this computer.</source>
        <translation>Для принтеров на COM-порту на этом компьютере нужен пакет pyserial.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No receipt printer is set up on this computer (Till &gt; Receipt printer).</source>
        <translation>На этом компьютере не настроен принтер чеков (Касса &gt; Принтер чеков).</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>The {name} at {where} refused the connection: is it switched on, and is that its address?</source>
        <translation>{where}: {name} отказал в соединении. Он включён и это верный адрес?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The {name} at {where} did not answer within {seconds:g} seconds: is it on and connected?</source>
        <translation>{where}: {name} не ответил за {seconds:g} с. Он включён и подключён?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The {name} at {where} could not be reached: is it plugged in?</source>
        <translation>{where}: нет связи, {name} недоступен. Он подключён?</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+141"/>
        <source>The {name} at {where} did not answer within {seconds:g} seconds: is it on and has it paper?</source>
        <translation>{where}: {name} не ответил за {seconds:g} с. Он включён и в нём есть бумага?</translation>
    </message>
    <message>
        <location line="-132"/>
        <location line="+124"/>
        <source>The {name} at {where} dropped the connection: nothing was printed, print it again.</source>
        <translation>{where}: {name} разорвал соединение. Ничего не напечатано, напечатайте ещё раз.</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>USB printers need the libusb library on this computer (on Debian and Ubuntu: the libusb-1.0-0 package).</source>
        <translation>Для USB-принтеров на этом компьютере нужна библиотека libusb (в Debian и Ubuntu — пакет libusb-1.0-0).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No {name} with the USB id {id} is connected: is it plugged in and switched on?</source>
        <translation>Устройство ({name}) с USB-кодом {id} не подключено. Оно подключено к компьютеру и включено?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This computer&apos;s user may not use the {name} at {where}: allow it with a udev rule (see &quot;USB printers&quot; in the README), then plug the printer in again.</source>
        <translation>{where}: у пользователя этого компьютера нет доступа к устройству ({name}). Разрешите его правилом udev (см. «USB-принтеры» в README) и подключите принтер заново.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The {name} at {where} is in use by another program or driver (such as the system&apos;s printing service): free it and print again.</source>
        <translation>{where}: устройство ({name}) занято другой программой или драйвером (например, системной службой печати). Освободите его и напечатайте ещё раз.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The {name} at {where} has a driver that libusb cannot use: on Windows, give it the WinUSB driver.</source>
        <translation>{where}: у устройства ({name}) драйвер, с которым libusb не работает. В Windows установите для него драйвер WinUSB.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The {name} at {where} has no USB interface {interface}: set the interface it has (lsusb -v shows them), usually 0.</source>
        <translation>{where}: у устройства ({name}) нет USB-интерфейса {interface}. Укажите имеющийся (их показывает lsusb -v), обычно 0.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The {name} at {where} has no endpoint {endpoint} on interface {interface}: leave the endpoints empty to find them by themselves.</source>
        <translation>{where}: у устройства ({name}) нет конечной точки {endpoint} на интерфейсе {interface}. Оставьте конечные точки пустыми, чтобы они нашлись сами.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The USB device {where} takes no print data on interface {interface}: is that the printer&apos;s id?</source>
        <translation>USB-устройство {where} не принимает данные для печати на интерфейсе {interface}. Это точно код принтера?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The {name} at {where} cannot answer status queries: untick &quot;Ask the printer for paper first&quot;.</source>
        <translation>{where}: устройство ({name}) не отвечает на запросы состояния. Снимите флажок «Сначала проверять наличие бумаги».</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The {name} at {where} is out of paper: load a roll and print again.</source>
        <translation>{where}: в устройстве ({name}) закончилась бумага. Вставьте рулон и напечатайте ещё раз.</translation>
    </message>
    <message>
        <location filename="../../core/journal.py" line="+48"/>
        <source>There is no shop database in {folder} to verify.</source>
        <translation>В папке {folder} нет базы данных магазина для проверки.</translation>
    </message>
    <message>
        <location filename="../../core/journal_export.py" line="+37"/>
        <source>A signing key needs at least 8 characters.</source>
        <translation>Ключ подписи должен быть не короче 8 символов.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The journal could not be written to {path}: {problem}.</source>
        <translation>Не удалось записать журнал в {path}: {problem}.</translation>
    </message>
    <message>
        <location filename="../../core/journal_words.py" line="-166"/>
        <source>Category added</source>
        <translation>Категория добавлена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category renamed</source>
        <translation>Категория переименована</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category moved</source>
        <translation>Категория перемещена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category deleted</source>
        <translation>Категория удалена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category tax rate</source>
        <translation>Ставка налога категории</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product added</source>
        <translation>Товар добавлен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product changed</source>
        <translation>Товар изменён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product deleted</source>
        <translation>Товар удалён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order placed</source>
        <translation>Заказ оформлен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment reversed</source>
        <translation>Оплата отменена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order fulfilled</source>
        <translation>Заказ выдан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order cancelled</source>
        <translation>Заказ отменён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items returned</source>
        <translation>Возврат товаров</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer added</source>
        <translation>Покупатель добавлен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer changed</source>
        <translation>Покупатель изменён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop settings</source>
        <translation>Настройки магазина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock received</source>
        <translation>Приёмка товара</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock adjusted</source>
        <translation>Корректировка остатка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff added</source>
        <translation>Сотрудник добавлен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff changed</source>
        <translation>Сотрудник изменён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Till opened</source>
        <translation>Касса открыта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Float counted</source>
        <translation>Размен пересчитан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Till closed</source>
        <translation>Касса закрыта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash in or out</source>
        <translation>Внесение или выплата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undone</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redone</source>
        <translation>Повторено</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Category “{name}” added under {parent}</source>
        <translation>Категория «{name}» добавлена в {parent}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category renamed to “{name}”</source>
        <translation>Категория переименована в «{name}»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category “{name}” moved under {parent}</source>
        <translation>Категория «{name}» перемещена в {parent}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category {category} deleted</source>
        <translation>Категория {category} удалена</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inherited</source>
        <translation>наследуется</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tax rate of “{name}” set to {rate}</source>
        <translation>Ставка налога категории «{name}»: {rate}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} ({sku}) added at {price}, {stock:,} in stock</source>
        <translation>{name} ({sku}) добавлен по цене {price}, на складе: {stock:,}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} ({sku}) changed: price {price}</source>
        <translation>{name} ({sku}) изменён: цена {price}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} ({sku}) changed: price {price}, archived</source>
        <translation>{name} ({sku}) изменён: цена {price}, в архиве</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} deleted</source>
        <translation>{name}: удалён</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Order {order} placed: {units:,} items, {total}</source>
        <translation>Заказ {order} оформлен: товаров {units:,}, {total}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order {order} placed: {units:,} items, {total} for {customer}</source>
        <translation>Заказ {order} оформлен: товаров {units:,}, {total}, покупатель {customer}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Payment {amount} by {method} for order {order}</source>
        <translation>Оплата {amount} {method} по заказу {order}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Payment {amount} by {method} for order {order} given back</source>
        <translation>Оплата {amount} {method} по заказу {order} возвращена</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order {order} fulfilled</source>
        <translation>Заказ {order} выдан</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order {order} cancelled, {refund} refunded</source>
        <translation>Заказ {order} отменён, возвращено {refund}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} cancelled</source>
        <translation>Заказ {order} отменён</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{units:,} items of order {order} returned ({reason}), {refund} refunded</source>
        <translation>Возврат по заказу {order}: товаров {units:,} ({reason}), возвращено {refund}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customer {name} added</source>
        <translation>Покупатель {name} добавлен</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer {name} changed</source>
        <translation>Покупатель {name} изменён</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shop settings changed ({name}, {currency})</source>
        <translation>Настройки магазина изменены ({name}, {currency})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Received {quantity:,} × {name}, {stock:,} in stock</source>
        <translation>Принято {quantity:,} × {name}, на складе: {stock:,}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stock of {name} adjusted by {change:+,} ({reason}), {stock:,} in stock</source>
        <translation>Остаток «{name}» скорректирован на {change:+,} ({reason}), на складе: {stock:,}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} added as {role}</source>
        <translation>{name} добавлен(а), роль: {role}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>inactive</source>
        <translation>неактивен</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new PIN</source>
        <translation>новый PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} changed ({details})</source>
        <translation>{name}: данные изменены ({details})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{till} opened by itself</source>
        <translation>{till} открыта автоматически</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{till} opened with a float of {float}</source>
        <translation>{till} открыта, размен {float}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Float of {float} counted</source>
        <translation>Размен пересчитан: {float}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Till closed by {name}, {counted} counted</source>
        <translation>Кассу закрыл(а) {name}, пересчитано {counted}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cash paid in: {amount} ({reason})</source>
        <translation>Внесение наличных: {amount} ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash paid out: {amount} ({reason})</source>
        <translation>Выплата наличных: {amount} ({reason})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undone: {action}</source>
        <translation>Отменено: {action}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redone: {action}</source>
        <translation>Повторено: {action}</translation>
    </message>
    <message>
        <location filename="../../core/write_model/journal_chain.py" line="+214"/>
        <source>Event {position} was deleted from the journal.</source>
        <translation>Событие {position} удалено из журнала.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Event {position} has no link: it was put in from outside Shop Manager (or by an older version: opening the shop links it).</source>
        <translation>У события {position} нет звена цепочки: его внесли в обход Shop Manager (или старой версией: при открытии магазина звенья добавляются).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Event {position} was altered, or an event before it was deleted or moved.</source>
        <translation>Событие {position} изменено, либо событие перед ним удалено или перемещено.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The journal is whole: {checked:,} events checked.</source>
        <translation>Журнал цел: проверено событий — {checked:,}.</translation>
    </message>
    <message>
        <location filename="../../core/write_model/move_to_server.py" line="+99"/>
        <source>There is no shop database at {path} to move.</source>
        <translation>По пути {path} нет базы данных магазина для переноса.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The copy on the server did not add up ({what}), so nothing was moved: the shop stays in its folder as it was.</source>
        <translation>Копия на сервере не сошлась ({what}), поэтому ничего не перенесено: магазин остаётся в своей папке как был.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>That file holds no shop, so there is nothing to move.</source>
        <translation>В этом файле нет магазина, переносить нечего.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The shop&apos;s database is of data version {found}, this Shop Manager&apos;s is {version}: open the shop once with this version (it brings the data up to date), then move it.</source>
        <translation>База данных магазина версии {found}, а у этого Shop Manager версия {version}: откройте магазин один раз этой версией (она обновит данные), затем перенесите его.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The database {server} already holds other tables ({tables}), so nothing was moved or changed: move the shop into a new, empty database.</source>
        <translation>В базе данных {server} уже есть другие таблицы ({tables}), поэтому ничего не перенесено и не изменено: переносите магазин в новую пустую базу данных.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The database {server} already holds a shop, so nothing was moved or changed: move this shop into a new, empty database (or connect this till to that shop instead).</source>
        <translation>В базе данных {server} уже есть магазин, поэтому ничего не перенесено и не изменено: переносите этот магазин в новую пустую базу данных (или подключите эту кассу к тому магазину).</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../shop_gui/about_dialog.py" line="+69"/>
        <source>About Shop Manager</source>
        <translation>О программе Shop Manager</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&lt;b style=&apos;font-size:14pt&apos;&gt;Shop Manager&lt;/b&gt;&lt;br&gt;Version %1</source>
        <translation>&lt;b style=&apos;font-size:14pt&apos;&gt;Shop Manager&lt;/b&gt;&lt;br&gt;Версия %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Catalog, counter and stock for a small shop.</source>
        <translation>Каталог, касса и склад для небольшого магазина.</translation>
    </message>
</context>
<context>
    <name>AdjustStockDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/adjust_stock_dialog.py" line="+16"/>
        <source>Adjust stock</source>
        <translation>Корректировка остатка</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adjust</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Counted quantity</source>
        <translation>&amp;Подсчитанное количество</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;rrection (+/−)</source>
        <translation>Ко&amp;рректировка (+/−)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a reason</source>
        <translation>Выберите причину</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>optional</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>R&amp;eason</source>
        <translation>При&amp;чина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note</source>
        <translation>&amp;Примечание</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Stock changed from %1 to %2 since the count was typed (a sale?): count again.</source>
        <translation>Остаток изменился с %1 на %2 после ввода подсчёта (продажа?): пересчитайте.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That is the stock already: %1.</source>
        <translation>Остаток и так равен %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A change of 0 changes nothing.</source>
        <translation>Изменение на 0 ничего не меняет.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only %1 in stock: cannot take away %2.</source>
        <translation>На складе только %1: нельзя списать %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stock cannot go above %1.</source>
        <translation>Остаток не может быть больше %1.</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../shop_gui/approval.py" line="+77"/>
        <source>Ask a manager to approve</source>
        <translation>Одобрение менеджера</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Their PIN</source>
        <translation>Его PIN-код</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approver&apos;s PIN</source>
        <translation>PIN-код одобряющего</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Approve</source>
        <translation>&amp;Одобрить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A manager or an owner</source>
        <translation>Менеджер или владелец</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>An owner</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Manager</source>
        <translation>&amp;Менеджер</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Owner</source>
        <translation>&amp;Владелец</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;PIN</source>
        <translation>&amp;PIN-код</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 may approve this one action with their PIN.</source>
        <translation>%1 может одобрить это действие своим PIN-кодом.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN-код — от 4 до 8 цифр.</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../shop_gui/views/backup_actions.py" line="+76"/>
        <source>&amp;Back up now...</source>
        <translation>Создать &amp;резервную копию...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the whole shop into the backup folder</source>
        <translation>Скопировать весь магазин в папку резервных копий</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore from backup...</source>
        <translation>&amp;Восстановить из копии...</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>A backup is being made already.</source>
        <translation>Резервная копия уже создаётся.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Backing up into %1...</source>
        <translation>Создаётся резервная копия в %1...</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The backup was not made. %1</source>
        <translation>Резервная копия не создана. %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backed up %1 and %2 to %3.</source>
        <translation>Резервная копия %3 создана: %1 и %2.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Restore from backup</source>
        <translation>Восстановить из копии</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>A backup is being made: restore once it is over.</source>
        <translation>Сейчас создаётся резервная копия: восстановите после её завершения.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Restored the backup of %1 (%2); today&apos;s shop is kept aside.</source>
        <translation>Восстановлена копия от %1 (%2); текущий магазин сохранён рядом.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Backups</source>
        <translation>Резервные копии</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/backup_dialog.py" line="+37"/>
        <source>Back up now</source>
        <translation>Создать резервную копию</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A USB stick or a network share, not this computer&apos;s disk</source>
        <translation>Флешка или сетевая папка, а не диск этого компьютера</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;hoose...</source>
        <translation>&amp;Выбрать...</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Warn when older than:</source>
        <translation>Пр&amp;едупреждать, если старше:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>days</source>
        <translation>дн.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Создать копию</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Back up into</source>
        <translation>Папка для резервных копий</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No backup of this shop in that folder yet.</source>
        <translation>В этой папке пока нет резервной копии магазина.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Newest backup there: %1 (%2 ago).</source>
        <translation>Последняя копия в ней: %1 (%2 назад).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newest backup there: %1.</source>
        <translation>Последняя копия в ней: %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the folder the backups go into.</source>
        <translation>Выберите папку для резервных копий.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no folder %1: is the USB stick or network share connected?</source>
        <translation>Папки %1 нет: подключена ли флешка или сетевая папка?</translation>
    </message>
</context>
<context>
    <name>CancelOrderDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/cancel_order_dialog.py" line="+26"/>
        <source>Cancel order %1</source>
        <translation>Отмена заказа %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ca&amp;ncel order</source>
        <translation>&amp;Отменить заказ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keep order</source>
        <translation>&amp;Оставить заказ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the order as it is</source>
        <translation>Оставить заказ как есть</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Refund &amp;by</source>
        <translation>&amp;Вернуть деньги</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cancel order %1? Its items go back in stock and %2 is refunded to the customer.</source>
        <translation>Отменить заказ %1? Его товары вернутся на склад, а покупателю вернут %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel order %1 and put its items back in stock?</source>
        <translation>Отменить заказ %1 и вернуть его товары на склад?</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../shop_gui/models/cart_model.py" line="+205"/>
        <source>Double-click, F2 or type a number to change it</source>
        <translation>Двойной щелчок, F2 или введите число, чтобы изменить</translation>
    </message>
</context>
<context>
    <name>CashCount</name>
    <message>
        <location filename="../../shop_gui/dialogs/cash_count.py" line="+30"/>
        <source>Notes</source>
        <translation>Купюры</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Coins</source>
        <translation>Монеты</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Number of %1 %2s</source>
        <translation>Количество: %1 (%2)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Counted: %1</source>
        <translation>Подсчитано: %1</translation>
    </message>
</context>
<context>
    <name>CatalogFiles</name>
    <message>
        <location filename="../../shop_gui/views/catalog_files.py" line="+66"/>
        <location line="+14"/>
        <location line="+60"/>
        <location line="+28"/>
        <source>Import products</source>
        <translation>Импорт товаров</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Export catalog</source>
        <translation>Экспорт каталога</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n SKU(s) of “%1” on more than one row. Which row of each is imported?</source>
        <translation>
            <numerusform>%n артикул из «%1» встречается в нескольких строках. Какую строку каждого импортировать?</numerusform>
            <numerusform>%n артикула из «%1» встречаются в нескольких строках. Какую строку каждого импортировать?</numerusform>
            <numerusform>%n артикулов из «%1» встречаются в нескольких строках. Какую строку каждого импортировать?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep the &amp;first</source>
        <translation>Оставить &amp;первую</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the &amp;last</source>
        <translation>Оставить &amp;последнюю</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reject the repeats</source>
        <translation>&amp;Отклонить повторы</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Catalog file</source>
        <translation>Файл каталога</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+5"/>
        <source>Import cancelled.</source>
        <translation>Импорт отменён.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading %1...</source>
        <translation>Чтение %1...</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+27"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>%1: say which column is which.</source>
        <translation>%1: укажите, какой столбец что содержит.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Importing products from %1...</source>
        <translation>Импорт товаров из %1...</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Importing %1...</source>
        <translation>Импорт %1...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelling after the current batch...</source>
        <translation>Отмена после текущего пакета...</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Importing products from %1: %2 of %3</source>
        <translation>Импорт товаров из %1: %2 из %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import cancelled</source>
        <translation>Импорт отменён</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 created, %3 updated, %4 unchanged, %5 rejected.</source>
        <translation>%1: создано %2, обновлено %3, без изменений %4, отклонено %5.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Exported %1 to %2.</source>
        <translation>%1 экспортировано в %2.</translation>
    </message>
</context>
<context>
    <name>CatalogView</name>
    <message>
        <location filename="../../shop_gui/views/catalog_view.py" line="+52"/>
        <location line="+102"/>
        <source>Search name, SKU or barcode; Enter adds to the order</source>
        <translation>Поиск по названию, артикулу или штрихкоду; Enter добавляет в заказ</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Search products</source>
        <translation>Поиск товаров</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show archived</source>
        <translation>Показать архив</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the archived products instead, to restore them</source>
        <translation>Показать товары в архиве, чтобы вернуть их</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Products</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Search the archived products</source>
        <translation>Поиск в архиве товаров</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No product has the code &quot;%1&quot;.</source>
        <translation>Нет товара с кодом «%1».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 products match &quot;%2&quot;: choose one (Down goes to the list).</source>
        <translation>Подходящих товаров: %1 для «%2» — выберите один (стрелка вниз — к списку).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is archived: restore it before selling it.</source>
        <translation>Товар «%1» в архиве: верните его из архива, чтобы продавать.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 matching &quot;%2&quot; in the whole catalog</source>
        <translation>%1 по запросу «%2» во всём каталоге</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All products</source>
        <translation>Все товары</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 in %2</source>
        <translation>%1 в «%2»</translation>
    </message>
</context>
<context>
    <name>CategoryNameDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/category_name_dialog.py" line="+28"/>
        <source>Rename category</source>
        <translation>Переименование категории</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New category</source>
        <translation>Новая категория</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the top level</source>
        <translation>верхний уровень</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Under</source>
        <translation>Внутри</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Type a name.</source>
        <translation>Введите название.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A category name cannot contain &quot;/&quot;.</source>
        <translation>Название категории не может содержать «/».</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A category named &quot;%1&quot; is already there.</source>
        <translation>Категория «%1» там уже есть.</translation>
    </message>
</context>
<context>
    <name>CategoryPanel</name>
    <message>
        <location filename="../../shop_gui/views/category_panel.py" line="+54"/>
        <location line="+114"/>
        <source>Categories</source>
        <translation>Категории</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>New category...</source>
        <translation>Новая категория...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a category at the top level</source>
        <translation>Добавить категорию верхнего уровня</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New sub-category...</source>
        <translation>Новая подкатегория...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a category inside the chosen one</source>
        <translation>Добавить категорию внутрь выбранной</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename...</source>
        <translation>Переименовать...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename the chosen category (F2)</source>
        <translation>Переименовать выбранную категорию (F2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move to...</source>
        <translation>Переместить в...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put the chosen category somewhere else (or drag it in the tree)</source>
        <translation>Переместить выбранную категорию (или перетащите её в дереве)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete...</source>
        <translation>Удалить...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the chosen category (Del)</source>
        <translation>Удалить выбранную категорию (Del)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Delete category</source>
        <translation>Удаление категории</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Delete category</source>
        <translation>&amp;Удалить категорию</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Keep category</source>
        <translation>&amp;Оставить категорию</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+7"/>
        <source>Category &quot;%1&quot; added.</source>
        <translation>Категория «%1» добавлена.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Category renamed to &quot;%1&quot;.</source>
        <translation>Категория переименована в «%1».</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Category moved.</source>
        <translation>Категория перемещена.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Category deleted; its %1 products moved.</source>
        <translation>Категория удалена; перенесено товаров: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete the category &quot;%1&quot;?</source>
        <translation>Удалить категорию «%1»?</translation>
    </message>
</context>
<context>
    <name>CategoryTreeModel</name>
    <message>
        <location filename="../../shop_gui/models/category_tree_model.py" line="+29"/>
        <source>All products</source>
        <translation>Все товары</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/column_mapping_dialog.py" line="+31"/>
        <source>Which column is which?</source>
        <translation>Какой столбец что содержит?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” does not name every column Shop Manager needs. Say which of its columns holds each; the others are left out.</source>
        <translation>В «%1» названы не все столбцы, нужные Shop Manager. Укажите, какой из его столбцов что содержит; остальные не учитываются.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: (no name)</source>
        <translation>%1: (без названия)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (needed)</source>
        <translation>%1 (обязательно)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>for rows without one: type or choose</source>
        <translation>для строк без неё: введите или выберите</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Default category</source>
        <translation>&amp;Категория по умолчанию</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>One column is chosen twice: choose one column for each.</source>
        <translation>Один столбец выбран дважды: выберите для каждого поля свой столбец.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Still needed: %1.</source>
        <translation>Ещё нужно: %1.</translation>
    </message>
</context>
<context>
    <name>CommandDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/command_dialog.py" line="+130"/>
        <source>&amp;Change it</source>
        <translation>&amp;Изменить</translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <location filename="../../shop_gui/formatting.py" line="+197"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln товар</numerusform>
            <numerusform>%Ln товара</numerusform>
            <numerusform>%Ln товаров</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln заказ</numerusform>
            <numerusform>%Ln заказа</numerusform>
            <numerusform>%Ln заказов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln товар</numerusform>
            <numerusform>%Ln товара</numerusform>
            <numerusform>%Ln товаров</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln archived product(s)</source>
        <translation>
            <numerusform>%Ln товар в архиве</numerusform>
            <numerusform>%Ln товара в архиве</numerusform>
            <numerusform>%Ln товаров в архиве</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln SKU(s)</source>
        <translation>
            <numerusform>%Ln артикул</numerusform>
            <numerusform>%Ln артикула</numerusform>
            <numerusform>%Ln артикулов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln return(s)</source>
        <translation>
            <numerusform>%Ln возврат</numerusform>
            <numerusform>%Ln возврата</numerusform>
            <numerusform>%Ln возвратов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln rejected row(s)</source>
        <translation>
            <numerusform>%Ln отклонённая строка</numerusform>
            <numerusform>%Ln отклонённые строки</numerusform>
            <numerusform>%Ln отклонённых строк</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln closed session(s)</source>
        <translation>
            <numerusform>%Ln закрытая смена</numerusform>
            <numerusform>%Ln закрытые смены</numerusform>
            <numerusform>%Ln закрытых смен</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln minute(s)</source>
        <translation>
            <numerusform>%Ln минута</numerusform>
            <numerusform>%Ln минуты</numerusform>
            <numerusform>%Ln минут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln second(s)</source>
        <translation>
            <numerusform>%Ln секунду</numerusform>
            <numerusform>%Ln секунды</numerusform>
            <numerusform>%Ln секунд</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln movement(s)</source>
        <translation>
            <numerusform>%Ln движение</numerusform>
            <numerusform>%Ln движения</numerusform>
            <numerusform>%Ln движений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln день</numerusform>
            <numerusform>%Ln дня</numerusform>
            <numerusform>%Ln дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln label(s)</source>
        <translation>
            <numerusform>%Ln этикетка</numerusform>
            <numerusform>%Ln этикетки</numerusform>
            <numerusform>%Ln этикеток</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln событие</numerusform>
            <numerusform>%Ln события</numerusform>
            <numerusform>%Ln событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln time(s)</source>
        <translation>
            <numerusform>%Ln раз</numerusform>
            <numerusform>%Ln раза</numerusform>
            <numerusform>%Ln раз</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln sheet(s)</source>
        <translation>
            <numerusform>%Ln лист</numerusform>
            <numerusform>%Ln листа</numerusform>
            <numerusform>%Ln листов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln delivery(s)</source>
        <translation>
            <numerusform>%Ln поставка</numerusform>
            <numerusform>%Ln поставки</numerusform>
            <numerusform>%Ln поставок</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/customer_dialog.py" line="+19"/>
        <source>Edit %1</source>
        <translation>Изменение: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New customer</source>
        <translation>Новый покупатель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add customer</source>
        <translation>Добавить покупателя</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+2"/>
        <source>optional</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional: preferences, account details...</source>
        <translation>необязательно: предпочтения, реквизиты...</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Name</source>
        <translation>&amp;Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone</source>
        <translation>&amp;Телефон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail</source>
        <translation>&amp;Эл. почта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote</source>
        <translation>При&amp;мечание</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A customer needs a name.</source>
        <translation>Укажите имя покупателя.</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <location filename="../../shop_gui/views/customer_picker.py" line="+57"/>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <location filename="../../shop_gui/views/customers_view.py" line="+57"/>
        <source>Search name, phone or e-mail</source>
        <translation>Поиск по имени, телефону или эл. почте</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search customers</source>
        <translation>Поиск покупателей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New customer...</source>
        <translation>&amp;Новый покупатель...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit...</source>
        <translation>&amp;Изменить...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customers</source>
        <translation>Покупатели</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The customer&apos;s orders</source>
        <translation>Заказы покупателя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click an order to open it in the Orders tab</source>
        <translation>Дважды щёлкните заказ, чтобы открыть его на вкладке «Заказы»</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&lt;b&gt;Orders&lt;/b&gt;</source>
        <translation>&lt;b&gt;Заказы&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 saved.</source>
        <translation>%1: сохранено.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose a customer to see their orders.</source>
        <translation>Выберите покупателя, чтобы увидеть его заказы.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No customers match.</source>
        <translation>Подходящих покупателей нет.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No customers yet: “New customer...” adds one.</source>
        <translation>Покупателей пока нет: «Новый покупатель...» добавит первого.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Customer since %1</source>
        <translation>Покупатель с %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, total spent &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>%1, всего потрачено &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>DeleteCategoryDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/delete_category_dialog.py" line="+17"/>
        <source>Delete category</source>
        <translation>Удаление категории</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; holds %2. Choose where they go before it is deleted.</source>
        <translation>В «%1» — %2. Выберите, куда их перенести, прежде чем удалять.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the top level</source>
        <translation>верхний уровень</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> Its sub-categories move up to %1.</source>
        <translation> Её подкатегории переместятся в %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a category</source>
        <translation>Выберите категорию</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> There is no other category to take them: add one first.</source>
        <translation> Нет другой категории, куда их перенести: сначала добавьте её.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move them &amp;to</source>
        <translation>Перенести &amp;в</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move and delete</source>
        <translation>Перенести и удалить</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/document_dialog.py" line="+85"/>
        <source>The paper of a saved PDF: a till roll&apos;s width, or A4 pages to file</source>
        <translation>Бумага сохранённого PDF: ширина кассовой ленты или страницы A4 для архива</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pape&amp;r</source>
        <translation>&amp;Бумага</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as P&amp;DF...</source>
        <translation>Сохранить в P&amp;DF...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print...</source>
        <translation>&amp;Печать...</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>receipt</source>
        <translation>чек</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>report</source>
        <translation>отчёт</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>document</source>
        <translation>документ</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Save %1 as PDF</source>
        <translation>Сохранить %1 в PDF</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The %1 could not be saved as %2: %3.</source>
        <translation>Не удалось сохранить %1 как %2: %3.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved as %1.</source>
        <translation>Сохранено в %1.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../shop_gui/models/orders_model.py" line="+375"/>
        <source>(not recorded)</source>
        <translation>(не указано)</translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/import_results_dialog.py" line="+38"/>
        <source>Import stopped</source>
        <translation>Импорт остановлен</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Rejected rows</source>
        <translation>Отклонённые строки</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rejected rows (%1); none of them was imported:</source>
        <translation>Отклонённые строки (%1); ни одна из них не импортирована:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No row was rejected.</source>
        <translation>Ни одна строка не отклонена.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save report...</source>
        <translation>Сохранить отчёт...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the rejected rows (line, SKU, reason) as a CSV file</source>
        <translation>Сохранить отклонённые строки (строка, артикул, причина) в файл CSV</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the rejected rows</source>
        <translation>Сохранить отклонённые строки</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 saved to %2.</source>
        <translation>%1 сохранено в %2.</translation>
    </message>
</context>
<context>
    <name>JournalActions</name>
    <message>
        <location filename="../../shop_gui/views/journal_actions.py" line="+38"/>
        <source>&amp;Verify journal...</source>
        <translation>&amp;Проверить журнал...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that no recorded event was altered, deleted or reordered</source>
        <translation>Убедиться, что ни одно записанное событие не изменено, не удалено и не переставлено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Journal...</source>
        <translation>&amp;Журнал...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every change: when, who, at which till, what</source>
        <translation>Каждое изменение: когда, кто, на какой кассе, что</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Checking the journal...</source>
        <translation>Журнал проверяется...</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1

Latest link: %2</source>
        <translation>%1

Последнее звено: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify journal</source>
        <translation>Проверка журнала</translation>
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/journal_dialog.py" line="+53"/>
        <source>Journal</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Everyone</source>
        <translation>Все</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner (before staff)</source>
        <translation>Владелец (до появления сотрудников)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>any</source>
        <translation>любой</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any product</source>
        <translation>Любой товар</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type part of a product&apos;s name or SKU</source>
        <translation>Введите часть названия или артикула товара</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any customer</source>
        <translation>Любой покупатель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type part of a customer&apos;s name, phone or e-mail</source>
        <translation>Введите часть имени, телефона или e-mail покупателя</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show &amp;older</source>
        <translation>Показать &amp;более ранние</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export...</source>
        <translation>&amp;Экспорт...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The events shown by the filters, as a CSV file with a checksum file (and a signature)</source>
        <translation>Отобранные фильтрами события — в файл CSV с файлом контрольной суммы (и подписью)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Staff:</source>
        <translation>&amp;Сотрудник:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Period:</source>
        <translation>П&amp;ериод:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order &amp;no.:</source>
        <translation>&amp;Заказ №:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pro&amp;duct:</source>
        <translation>&amp;Товар:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>C&amp;ustomer:</source>
        <translation>&amp;Покупатель:</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>“%1” is not an order number: type its digits only.</source>
        <translation>«%1» — не номер заказа: введите только цифры.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Export journal</source>
        <translation>Экспорт журнала</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign the export</source>
        <translation>Подпись экспорта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing key (leave empty for no signature; keep it safe: it proves the file is yours):</source>
        <translation>Ключ подписи (оставьте пустым, чтобы не подписывать; храните его надёжно — он доказывает, что файл ваш):</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Exported %1 to %2 (checksum in .sha256 and .hmac).</source>
        <translation>Экспортировано в %2: %1 (контрольная сумма в .sha256 и .hmac).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported %1 to %2 (checksum in .sha256).</source>
        <translation>Экспортировано в %2: %1 (контрольная сумма в .sha256).</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../shop_gui/models/journal_model.py" line="+46"/>
        <source>%1 (approved by %2)</source>
        <translation>%1 (одобрил(а) %2)</translation>
    </message>
</context>
<context>
    <name>KeyboardMapDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/keyboard_map.py" line="+65"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What they do</source>
        <translation>Что они делают</translation>
    </message>
</context>
<context>
    <name>LabelPrinterDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/label_printer_dialog.py" line="+24"/>
        <source>Label printer</source>
        <translation>Принтер этикеток</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty: no label printer</source>
        <translation>Пусто — принтера этикеток нет</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source> mm</source>
        <translation> мм</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Host</source>
        <translation>&amp;Адрес</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ort</source>
        <translation>П&amp;орт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label &amp;width</source>
        <translation>&amp;Ширина этикетки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label h&amp;eight</source>
        <translation>&amp;Высота этикетки</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/labels_dialog.py" line="+45"/>
        <source>Print labels</source>
        <translation>Печать этикеток</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The product chosen in the catalog</source>
        <translation>Товар, выбранный в каталоге</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A whole category</source>
        <translation>Вся категория</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deliveries received (%1)</source>
        <translation>Принятые поставки (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Labels of each product (of a delivery: of each item received)</source>
        <translation>Этикеток на каждый товар (для поставки — на каждую принятую единицу)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A grid of my own</source>
        <translation>Своя сетка</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Places already used on the first sheet</source>
        <translation>Места, уже занятые на первом листе</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Give them the shop&apos;s own barcodes</source>
        <translation>&amp;Присвоить им штрихкоды магазина</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>across, down:</source>
        <translation>по горизонтали, по вертикали:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Labels for</source>
        <translation>&amp;Этикетки для</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ca&amp;tegory</source>
        <translation>&amp;Категория</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copies</source>
        <translation>К&amp;опий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sheet</source>
        <translation>&amp;Лист</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>G&amp;rid</source>
        <translation>&amp;Сетка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Places &amp;used</source>
        <translation>&amp;Занято мест</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save &amp;PDF...</source>
        <translation>Сохранить &amp;PDF...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pr&amp;int...</source>
        <translation>&amp;Печать...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send to la&amp;bel printer</source>
        <translation>На п&amp;ринтер этикеток</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the labels to the label printer (Till &gt; Label printer)</source>
        <translation>Отправить этикетки на принтер этикеток (Касса &gt; Принтер этикеток)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 on %2.</source>
        <translation>%1 (%2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 without a barcode: their SKU is printed as Code 128.</source>
        <translation>Без штрихкода: %1 — вместо него печатается артикул в Code 128.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Barcodes</source>
        <translation>Штрихкоды</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save labels as PDF</source>
        <translation>Сохранить этикетки в PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+30"/>
        <source>Labels</source>
        <translation>Этикетки</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>%1 could not be written: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Sending %1 to the label printer.</source>
        <translation>Отправка на принтер этикеток: %1.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../shop_gui/views/language_menu.py" line="+14"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The language changes when Shop Manager next starts.</source>
        <translation>Язык сменится при следующем запуске Shop Manager.</translation>
    </message>
</context>
<context>
    <name>LowStockView</name>
    <message>
        <location filename="../../shop_gui/views/low_stock_view.py" line="+27"/>
        <source>Low stock</source>
        <translation>Мало на складе</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Receive stock...</source>
        <translation>Приход товара...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a delivery of the chosen product</source>
        <translation>Оформить поставку выбранного товара</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No product is at or below its reorder level.</source>
        <translation>Ни один товар не дошёл до минимального остатка.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 at or below the reorder level</source>
        <translation>%1 на минимальном остатке или ниже</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../shop_gui/main_window.py" line="+94"/>
        <source>Shop Manager</source>
        <translation>Shop Manager</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&amp;Counter</source>
        <translation>&amp;Продажа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Orders</source>
        <translation>&amp;Заказы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;ustomers</source>
        <translation>Пок&amp;упатели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Loading older orders…</source>
        <translation>Загружаются старые заказы…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The order history is being rebuilt in the background. Selling, stock and today&apos;s orders work now; lists of older orders and reports wait until it is in.</source>
        <translation>История заказов перестраивается в фоне. Продажи, склад и сегодняшние заказы уже работают; списки старых заказов и отчёты появятся, когда она будет готова.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ready</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import products...</source>
        <translation>&amp;Импорт товаров...</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+134"/>
        <source>Add or update products from a CSV file</source>
        <translation>Добавить или обновить товары из файла CSV</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>&amp;Export catalog...</source>
        <translation>&amp;Экспорт каталога...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save every product to a CSV file</source>
        <translation>Сохранить все товары в файл CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+142"/>
        <source>Export &amp;current category...</source>
        <translation>Экспорт &amp;текущей категории...</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Save the chosen category&apos;s products to a CSV file</source>
        <translation>Сохранить товары выбранной категории в файл CSV</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shop &amp;settings...</source>
        <translation>&amp;Настройки магазина...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The shop&apos;s name and address for receipts, its currency and tax</source>
        <translation>Название и адрес магазина для чеков, его валюта и налог</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Shop Manager</source>
        <translation>&amp;О программе Shop Manager</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Place the order</source>
        <translation>Оформить заказ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the search box</source>
        <translation>Перейти к строке поиска</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Park the order, to serve the next customer</source>
        <translation>Отложить заказ, чтобы обслужить следующего покупателя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recall a parked order</source>
        <translation>Вернуть отложенный заказ</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Importing products needs a manager or an owner signed in.</source>
        <translation>Для импорта товаров нужен вход менеджера или владельца.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Low stock (%1)</source>
        <translation>&amp;Мало на складе (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export “%1”...</source>
        <translation>Экспорт «%1»...</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Choose a product in the list first.</source>
        <translation>Сначала выберите товар в списке.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Shop settings saved.</source>
        <translation>Настройки магазина сохранены.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 added; the order is in their name.</source>
        <translation>%1: покупатель добавлен, заказ оформляется на него.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An order is being built. Park it (F9 recalls it at the next start) and quit?</source>
        <translation>Заказ ещё собирается. Отложить его (F9 вернёт его при следующем запуске) и выйти?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Park it and quit</source>
        <translation>&amp;Отложить и выйти</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep selling</source>
        <translation>&amp;Продолжить продажу</translation>
    </message>
</context>
<context>
    <name>MoveCategoryDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/move_category_dialog.py" line="+18"/>
        <source>Move category</source>
        <translation>Перемещение категории</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move</source>
        <translation>Переместить</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New place</source>
        <translation>Новое место</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move &quot;%1&quot; and its sub-categories under:</source>
        <translation>Переместить «%1» и её подкатегории в:</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../shop_gui/views/orders_view.py" line="+64"/>
        <source>Any</source>
        <translation>Любая</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <location filename="../../shop_gui/views/order_form.py" line="+96"/>
        <source>New...</source>
        <translation>Новый...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a customer and put this order in their name</source>
        <translation>Добавить покупателя и оформить заказ на него</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+84"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Add to order</source>
        <translation>Добавить в заказ</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Order lines</source>
        <translation>Строки заказа</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove line</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Discount on the chosen line</source>
        <translation>Скидка на выбранную строку</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discount on the chosen line: a percentage (10%) or an amount off the whole line (1.50)</source>
        <translation>Скидка на выбранную строку: процент (10%) или сумма на всю строку (1.50)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Discount on the whole order</source>
        <translation>Скидка на весь заказ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discount on the whole order, after the lines&apos; own: a percentage (10%) or an amount (5.00)</source>
        <translation>Скидка на весь заказ после скидок на строки: процент (10%) или сумма (5.00)</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+233"/>
        <source>Tax</source>
        <translation>Налог</translation>
    </message>
    <message>
        <location line="-223"/>
        <location line="+349"/>
        <source>Place Order</source>
        <translation>Оформить заказ</translation>
    </message>
    <message>
        <location line="-348"/>
        <source>Place the order (Ctrl+Enter), then take payment</source>
        <translation>Оформить заказ (Ctrl+Enter) и принять оплату</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Custo&amp;mer</source>
        <translation>Покупат&amp;ель</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Line &amp;discount</source>
        <translation>Скидка на &amp;строку</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>O&amp;rder discount</source>
        <translation>Скидка на &amp;заказ</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Subtotal</source>
        <translation>Подытог</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discounts</source>
        <translation>Скидки</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Quantity: %1</source>
        <translation>Количество: %1</translation>
    </message>
    <message>
        <location line="+136"/>
        <location line="+21"/>
        <source>Total %1</source>
        <translation>Итого %1</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Lines: %1; order: %2</source>
        <translation>Строки: %1; заказ: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tax included (%1)</source>
        <translation>Налог включён (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tax (%1)</source>
        <translation>Налог (%1)</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>The discount on %1, %2, is more than the line (%3): give the line away free?</source>
        <translation>Скидка на %1, %2, больше суммы строки (%3): отдать товар бесплатно?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Place order</source>
        <translation>&amp;Оформить заказ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Change it</source>
        <translation>&amp;Изменить</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Order %1 placed: %2, %3.</source>
        <translation>Заказ %1 оформлен: %2, %3.</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <location filename="../../shop_gui/models/orders_model.py" line="-130"/>
        <source>line discount %1</source>
        <translation>скидка на строку %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>share of the order discount %1</source>
        <translation>доля скидки на заказ %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Included in the price</source>
        <translation>Включён в цену</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added to the price</source>
        <translation>Добавляется к цене</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 returned, %2 refunded</source>
        <translation>возвращено %1, возвращено денег %2</translation>
    </message>
</context>
<context>
    <name>OrderSummaryModel</name>
    <message>
        <location line="-188"/>
        <source>Paid %1, refunded %2</source>
        <translation>Оплачено %1, возвращено %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 still to pay</source>
        <translation>осталось оплатить %1</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../shop_gui/views/orders_view.py" line="+58"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Orders placed on or after this day</source>
        <translation>Заказы, оформленные в этот день или позже</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Orders placed on or before this day</source>
        <translation>Заказы, оформленные в этот день или раньше</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Order no.</source>
        <translation>№ заказа</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find one order by its number (the other filters are then set aside)</source>
        <translation>Найти заказ по номеру (остальные фильтры при этом не учитываются)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show all</source>
        <translation>Показать все</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear every filter</source>
        <translation>Сбросить все фильтры</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Lines of the chosen order</source>
        <translation>Строки выбранного заказа</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>T&amp;ake payment...</source>
        <translation>&amp;Принять оплату...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fulf&amp;il</source>
        <translation>&amp;Выдать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Return items...</source>
        <translation>&amp;Возврат товара...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ca&amp;ncel Order</source>
        <translation>О&amp;тменить заказ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recei&amp;pt...</source>
        <translation>&amp;Чек...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview the receipt, save it as PDF or print it</source>
        <translation>Просмотреть чек, сохранить его в PDF или напечатать</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Status</source>
        <translation>&amp;Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fro&amp;m</source>
        <translation>&amp;С</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom&amp;er</source>
        <translation>Покупат&amp;ель</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Lines</source>
        <translation>Строки</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+280"/>
        <source>Payments</source>
        <translation>Оплаты</translation>
    </message>
    <message>
        <location line="-279"/>
        <location line="+282"/>
        <source>Returns</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <location line="-281"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message numerus="yes">
        <location line="+101"/>
        <source>%Ln order(s) match the filters</source>
        <translation>
            <numerusform>%Ln заказ соответствует фильтрам</numerusform>
            <numerusform>%Ln заказа соответствуют фильтрам</numerusform>
            <numerusform>%Ln заказов соответствуют фильтрам</numerusform>
        </translation>
    </message>
    <message>
        <location line="+101"/>
        <source>%1 from order %2 back in stock.</source>
        <translation>Возвращено на склад из заказа %2: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refund %1 to the customer%2.</source>
        <translation>Вернуть покупателю %1%2.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Payments (%1)</source>
        <translation>Оплаты (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returns (%1)</source>
        <translation>Возвраты (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose an order to see its lines, payments and history.</source>
        <translation>Выберите заказ, чтобы увидеть его строки, оплаты и историю.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;span style=&apos;font-size: large&apos;&gt;&lt;b&gt;Order %1&lt;/b&gt;&lt;/span&gt; · %2 · %3 · &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>&lt;span style=&apos;font-size: large&apos;&gt;&lt;b&gt;Заказ %1&lt;/b&gt;&lt;/span&gt; · %2 · %3 · &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Subtotal %1</source>
        <translation>Подытог %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>discounts %1</source>
        <translation>скидки %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tax %1 included</source>
        <translation>налог %1 включён</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tax %1</source>
        <translation>налог %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;total %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;итого %1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid %1</source>
        <translation>Оплачено %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reversed %1</source>
        <translation>отменено %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refunded %1</source>
        <translation>возвращено %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;span style=&apos;color: %1&apos;&gt;&lt;b&gt;%2 due&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color: %1&apos;&gt;&lt;b&gt;к оплате %2&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Take a payment for this order</source>
        <translation>Принять оплату по этому заказу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is due on this order</source>
        <translation>По этому заказу нечего оплачивать</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mark the order as handed over or sent</source>
        <translation>Отметить заказ выданным или отправленным</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take payment first: %1 is due</source>
        <translation>Сначала примите оплату: к оплате %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The order is %1</source>
        <translation>Заказ %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Take items back and refund them</source>
        <translation>Принять товары обратно и вернуть деньги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every item has been returned</source>
        <translation>Все товары уже возвращены</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only a paid or fulfilled order has items to return</source>
        <translation>Вернуть товары можно только по оплаченному или выданному заказу</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The order is cancelled</source>
        <translation>Заказ отменён</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel the order: its stock goes back and what was paid is refunded</source>
        <translation>Отменить заказ: товары вернутся на склад, оплата — покупателю</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the order: its stock goes back</source>
        <translation>Отменить заказ: товары вернутся на склад</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A fulfilled order cannot be cancelled: return its items instead</source>
        <translation>Выданный заказ нельзя отменить: оформите возврат товаров</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The order is already cancelled</source>
        <translation>Заказ уже отменён</translation>
    </message>
</context>
<context>
    <name>ParkActions</name>
    <message>
        <location filename="../../shop_gui/views/park_actions.py" line="+30"/>
        <source>There is no order to park.</source>
        <translation>Нет заказа, который можно отложить.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order parked (%1, %2); %3 parked at this till: F9 recalls.</source>
        <translation>Заказ отложен (%1, %2); отложено на этой кассе: %3. F9 — вернуть.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Place or park (F8) the order in progress before recalling another.</source>
        <translation>Оформите или отложите (F8) текущий заказ, прежде чем возвращать другой.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No order is parked at this till.</source>
        <translation>На этой кассе нет отложенных заказов.</translation>
    </message>
</context>
<context>
    <name>PayDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/pay_dialog.py" line="+46"/>
        <source>Payment for order %1</source>
        <translation>Оплата заказа %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Take payment</source>
        <translation>Принять оплату</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Later</source>
        <translation>&amp;Позже</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the order unpaid for now; take payment from the Orders tab</source>
        <translation>Оставить заказ пока неоплаченным; оплату можно принять на вкладке «Заказы»</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Less than what is due for part of it (the rest can be paid later)</source>
        <translation>Меньше суммы к оплате — частичная оплата (остаток можно оплатить позже)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the exact amount</source>
        <translation>ровно без сдачи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The cash the customer handed over</source>
        <translation>Наличные, полученные от покупателя</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>E&amp;xact</source>
        <translation>&amp;Без сдачи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash, the exact amount due</source>
        <translation>Наличными, ровно сумма к оплате</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;mount (%1)</source>
        <translation>&amp;Сумма (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tendered (%1)</source>
        <translation>&amp;Получено (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change</source>
        <translation>Сдача</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quick cash</source>
        <translation>Быстрые наличные</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cash: %1 handed over, the change worked out</source>
        <translation>Наличными: получено %1, сдача рассчитана</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 still to pay (of %2)</source>
        <translation>осталось оплатить %1 (из %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 to pay</source>
        <translation>К оплате %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Order %1: %2.</source>
        <translation>Заказ %1: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> %1 still to pay.</source>
        <translation> Осталось оплатить %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> Change: %1.</source>
        <translation> Сдача: %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>none (not cash)</source>
        <translation>нет (не наличные)</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../shop_gui/views/pin_pad.py" line="+63"/>
        <source>Clear</source>
        <translation>Сброс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the PIN (Esc)</source>
        <translation>Очистить PIN-код (Esc)</translation>
    </message>
</context>
<context>
    <name>PrintFailedDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/print_failed_dialog.py" line="+16"/>
        <source>Not printed</source>
        <translation>Не напечатано</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print &amp;again</source>
        <translation>Напечатать &amp;ещё раз</translation>
    </message>
</context>
<context>
    <name>ProductActions</name>
    <message>
        <location filename="../../shop_gui/views/product_actions.py" line="+133"/>
        <source>Restore</source>
        <translation>Вернуть из архива</translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+64"/>
        <source>Archive</source>
        <translation>В архив</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the chosen product back in the list</source>
        <translation>Вернуть выбранный товар в список</translation>
    </message>
    <message>
        <location line="-63"/>
        <location line="+65"/>
        <source>Take the chosen product out of the list (it stays in past orders)</source>
        <translation>Убрать выбранный товар из списка (он остаётся в прошлых заказах)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sold before: archive it instead</source>
        <translation>Уже продавался: перенесите его в архив</translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+67"/>
        <source>Delete the chosen product (only one never sold)</source>
        <translation>Удалить выбранный товар (только если он ни разу не продавался)</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>New product...</source>
        <translation>Новый товар...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a product to the catalog (Ctrl+N)</source>
        <translation>Добавить товар в каталог (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit...</source>
        <translation>Изменить...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit the chosen product (Ctrl+E)</source>
        <translation>Изменить выбранный товар (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receive stock...</source>
        <translation>Приход товара...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record a delivery of the chosen product</source>
        <translation>Оформить поставку выбранного товара</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Adjust stock...</source>
        <translation>Корректировка остатка...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Correct the chosen product&apos;s stock: a count, damage, loss</source>
        <translation>Исправить остаток выбранного товара: пересчёт, порча, потеря</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stock history</source>
        <translation>История остатка</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every stock movement of the chosen product</source>
        <translation>Все движения остатка выбранного товара</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete...</source>
        <translation>Удалить...</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Delete product</source>
        <translation>Удаление товара</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Delete product</source>
        <translation>&amp;Удалить товар</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Keep product</source>
        <translation>&amp;Оставить товар</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Products</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 saved.</source>
        <translation>%1: сохранено.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Received %1 of %2: %3 in stock.</source>
        <translation>Получено %1 шт. товара «%2»: на складе %3.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stock of %1 is now %2.</source>
        <translation>Остаток товара «%1» теперь %2.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Delete %1 (%2) for good? This cannot be undone.</source>
        <translation>Удалить %1 (%2) навсегда? Это нельзя отменить.</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/product_dialog.py" line="+86"/>
        <source>Edit %1</source>
        <translation>Изменение: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New product</source>
        <translation>Новый товар</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add product</source>
        <translation>Добавить товар</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+12"/>
        <source>optional</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Choose a category</source>
        <translation>Выберите категорию</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. 2.49</source>
        <translation>например 249,00</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>inherit</source>
        <translation>как у категории</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A percentage such as 20 or 17.5; blank: the category&apos;s or the shop&apos;s rate</source>
        <translation>Процент, например 20 или 17.5; пусто — ставка категории или магазина</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The product counts as low stock at this level or below</source>
        <translation>Товар считается заканчивающимся на этом остатке или ниже</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For sale (unticked: archived)</source>
        <translation>В продаже (без галочки — в архиве)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;SKU</source>
        <translation>&amp;Артикул</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Barcode</source>
        <translation>&amp;Штрихкод</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Category</source>
        <translation>&amp;Категория</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Price (%1)</source>
        <translation>&amp;Цена (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ost price (%1)</source>
        <translation>&amp;Закупочная цена (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tax rate (%)</source>
        <translation>Ставка &amp;налога (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reorder level</source>
        <translation>&amp;Минимальный остаток</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening stoc&amp;k</source>
        <translation>Начальный &amp;остаток</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>There are no categories yet: add one first.</source>
        <translation>Категорий пока нет: сначала добавьте категорию.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Still needed: %1.</source>
        <translation>Ещё нужно: %1.</translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <location filename="../../shop_gui/models/product_table_model.py" line="+120"/>
        <source>%1 out</source>
        <translation>%1 — нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 low</source>
        <translation>%1 — мало</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Out of stock: none left to sell.</source>
        <translation>Нет в наличии: продавать нечего.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Low stock: reorder at %1 or fewer.</source>
        <translation>Мало на складе: заказывать при %1 или меньше.</translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/recall_dialog.py" line="+41"/>
        <source>Recall a parked order</source>
        <translation>Вернуть отложенный заказ</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Prices are those of now: the order is priced again when it is recalled.</source>
        <translation>Цены — текущие: заказ пересчитывается при возврате из отложенных.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Recall</source>
        <translation>&amp;Вернуть</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/receipt_dialog.py" line="+27"/>
        <location line="+14"/>
        <source>Receipt for order %1</source>
        <translation>Чек по заказу %1</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinterDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/receipt_printer_dialog.py" line="+86"/>
        <source>Receipt printer</source>
        <translation>Принтер чеков</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The id lsusb shows, such as 04b8:0202, can be pasted here whole</source>
        <translation>Код, который показывает lsusb (например, 04b8:0202), можно вставить сюда целиком</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>/dev/ttyUSB0 or COM3</source>
        <translation>/dev/ttyUSB0 или COM3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open the cash &amp;drawer when cash moves</source>
        <translation>Открывать &amp;денежный ящик при движении наличных</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pin %1</source>
        <translation>Контакт %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order num&amp;ber under the receipt</source>
        <translation>Номер заказа под &amp;чеком</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A picture prints on any printer; choose it when the QR code comes out blank</source>
        <translation>Картинка печатается на любом принтере; выберите её, если QR-код не печатается</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The printer&apos;s make and model: its code page numbers, barcodes and QR codes</source>
        <translation>Марка и модель принтера: номера его кодовых страниц, штрихкоды и QR-коды</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the printer for paper &amp;first</source>
        <translation>Сначала &amp;проверять наличие бумаги</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Untick for a printer that never answers status queries</source>
        <translation>Снимите флажок для принтера, который не отвечает на запросы состояния</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>automatic</source>
        <translation>автоматически</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave empty: the printer&apos;s own endpoints are found</source>
        <translation>Оставьте пустым: конечные точки принтера найдутся сами</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Host</source>
        <translation>&amp;Адрес</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P&amp;ort</source>
        <translation>П&amp;орт</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Vendor id (hex)</source>
        <translation>Код &amp;производителя (hex)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product &amp;id (hex)</source>
        <translation>Код &amp;устройства (hex)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I&amp;nterface</source>
        <translation>&amp;Интерфейс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Endpoint o&amp;ut (hex)</source>
        <translation>Конечная точка в&amp;ывода (hex)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Endpoint in (he&amp;x)</source>
        <translation>Конечная точка в&amp;вода (hex)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Serial port</source>
        <translation>&amp;COM-порт</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Baud rate</source>
        <translation>С&amp;корость (бод)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Connection</source>
        <translation>&amp;Подключение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printer &amp;model</source>
        <translation>&amp;Модель принтера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pap&amp;er</source>
        <translation>&amp;Бумага</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code pa&amp;ge</source>
        <translation>&amp;Кодовая страница</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print after &amp;payment</source>
        <translation>Печать после &amp;оплаты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cop&amp;ies</source>
        <translation>Ко&amp;пий</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drawer &amp;wired to</source>
        <translation>&amp;Ящик подключён к</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order number &amp;as</source>
        <translation>Код &amp;номера заказа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save and print a &amp;test page</source>
        <translation>Сохранить и напечатать &amp;пробную страницу</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Type the printer&apos;s address (its IP address or name).</source>
        <translation>Введите адрес принтера (его IP-адрес или имя).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the vendor and product ids as four hex digits, such as 04b8 and 0202.</source>
        <translation>Введите коды производителя и устройства четырьмя шестнадцатеричными цифрами, например 04b8 и 0202.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the endpoints as hex numbers, out 01 to 0f and in 81 to 8f, or leave them empty.</source>
        <translation>Введите конечные точки шестнадцатеричными числами: вывод от 01 до 0f, ввод от 81 до 8f — или оставьте поля пустыми.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the serial port, such as /dev/ttyUSB0 or COM3.</source>
        <translation>Введите COM-порт, например /dev/ttyUSB0 или COM3.</translation>
    </message>
</context>
<context>
    <name>ReceiveStockDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/receive_stock_dialog.py" line="+20"/>
        <source>Receive stock</source>
        <translation>Приход товара</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Receive</source>
        <translation>Оприходовать</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quantity received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplier, delivery note... (optional)</source>
        <translation>Поставщик, накладная... (необязательно)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quantity received</source>
        <translation>&amp;Получено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplier / &amp;note</source>
        <translation>Поставщик / &amp;примечание</translation>
    </message>
</context>
<context>
    <name>ReportChart</name>
    <message>
        <location filename="../../shop_gui/views/report_chart.py" line="+37"/>
        <source>Sales chart</source>
        <translation>График продаж</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing sold in this period.</source>
        <translation>За этот период продаж нет.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sales, most %1</source>
        <translation>Продажи, максимум %1</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../shop_gui/views/reports_view.py" line="+117"/>
        <source>Sales by time, product, category, staff or till; or the stock: slow movers (in stock, nothing sold in the period) and its value by category</source>
        <translation>Продажи по времени, товарам, категориям, сотрудникам или кассам; или склад: неходовые товары (есть на складе, но не продавались за период) и его стоимость по категориям</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export CSV...</source>
        <translation>Экспорт в CSV...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save PDF...</source>
        <translation>Сохранить в PDF...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print...</source>
        <translation>Печать...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Perio&amp;d:</source>
        <translation>&amp;Период:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Group by:</source>
        <translation>&amp;Группировать:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sales report</source>
        <translation>Отчёт о продажах</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Adding up...</source>
        <translation>Подсчёт...</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Stock on hand today, at price (the chart) and at cost, by category: %1 units</source>
        <translation>Остатки на сегодня по ценам продажи (график) и по себестоимости, по категориям: %1 ед.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 to %2</source>
        <translation>с %1 по %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sales by %1</source>
        <translation>Продажи: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 to %2. %3</source>
        <translation>с %1 по %2. %3</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+14"/>
        <source>Export report</source>
        <translation>Экспорт отчёта</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Файлы CSV (*.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+26"/>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Save report as PDF</source>
        <translation>Сохранить отчёт в PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save report</source>
        <translation>Сохранение отчёта</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 could not be written: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Print report</source>
        <translation>Печать отчёта</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/restore_dialog.py" line="+51"/>
        <source>Restore from backup</source>
        <translation>Восстановление из копии</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Put the shop back as it was in the backup “%1”? Today&apos;s shop is kept in a folder beside it (before-restore-...), never deleted. Close the shop at every other till first.</source>
        <translation>Вернуть магазин в состояние из резервной копии «%1»? Текущий магазин сохранится в папке рядом (before-restore-...) и не будет удалён. Сначала закройте магазин на всех остальных кассах.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>In the backup</source>
        <translation>В копии</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Today&apos;s shop</source>
        <translation>Сейчас в магазине</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Restore</source>
        <translation>&amp;Восстановить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keep today&apos;s shop</source>
        <translation>&amp;Оставить как есть</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/return_dialog.py" line="+23"/>
        <source>Return items from order %1</source>
        <translation>Возврат товара по заказу %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return items</source>
        <translation>Оформить возврат</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Units of %1 to return</source>
        <translation>Сколько единиц %1 вернуть</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Up to %1</source>
        <translation>До %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every one has been returned already</source>
        <translation>Всё уже возвращено</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a reason</source>
        <translation>Выберите причину</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>optional: what was wrong...</source>
        <translation>необязательно: что было не так...</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order %1: how many of each are coming back?</source>
        <translation>Заказ %1: сколько каких товаров возвращается?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sold</source>
        <translation>Продано</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Returned</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Return now</source>
        <translation>Вернуть сейчас</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Reason</source>
        <translation>&amp;Причина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note</source>
        <translation>&amp;Примечание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund &amp;by</source>
        <translation>&amp;Вернуть деньги</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose how many of at least one product come back.</source>
        <translation>Укажите количество хотя бы для одного товара.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a reason.</source>
        <translation>Выберите причину.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 back into stock; the refund is worked out from what was paid.</source>
        <translation>На склад вернётся: %1; сумма возврата считается от оплаченного.</translation>
    </message>
</context>
<context>
    <name>SalesReportModel</name>
    <message>
        <location filename="../../shop_gui/models/sales_report_model.py" line="+105"/>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
</context>
<context>
    <name>ServerActions</name>
    <message>
        <location filename="../../shop_gui/views/server_actions.py" line="+67"/>
        <source>Co&amp;nnect to a shared shop...</source>
        <translation>&amp;Подключиться к общему магазину...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sell from one shop kept on a server, with the other tills</source>
        <translation>Продавать из одного магазина на сервере вместе с другими кассами</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mo&amp;ve this shop to a shared server...</source>
        <translation>Перенести магазин на общий с&amp;ервер...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy this shop into an empty database on a server, then use it there</source>
        <translation>Скопировать этот магазин в пустую базу данных на сервере и работать с ним там</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use this computer&apos;s own s&amp;hop</source>
        <translation>Магазин этого &amp;компьютера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the shared server: open the shop kept in this computer&apos;s folder</source>
        <translation>Уйти с общего сервера: открыть магазин из папки этого компьютера</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>This till now uses the shop on %1.</source>
        <translation>Теперь эта касса работает с магазином %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This till now uses this computer&apos;s own shop.</source>
        <translation>Теперь эта касса работает с магазином этого компьютера.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This computer has no keyring: Shop Manager asks for the server&apos;s password at each start.</source>
        <translation>На этом компьютере нет связки ключей: Shop Manager будет спрашивать пароль сервера при каждом запуске.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Use this computer&apos;s own shop</source>
        <translation>Магазин этого компьютера</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave the shared server and open the shop kept in this computer&apos;s folder? It is as it was when this till last used it (before a move: without anything sold since at any till).</source>
        <translation>Уйти с общего сервера и открыть магазин из папки этого компьютера? Он такой, каким эта касса оставила его в последний раз (если магазин переносили — без всего, что продано после переноса на любой кассе).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Use this computer&apos;s shop</source>
        <translation>Открыть &amp;свой магазин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stay on the server</source>
        <translation>&amp;Остаться на сервере</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Moving the shop to %1…</source>
        <translation>Магазин переносится в %1…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The shop was not moved. %1</source>
        <translation>Магазин не перенесён. %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Moved %1, %2 and %3 to %4; the counts, money, stock and journal agree. This till uses the shop there now: connect every other till with File &gt; Connect to a shared shop.</source>
        <translation>Перенесено в %4: %1, %2 и %3; количества, деньги, остатки и журнал сходятся. Эта касса теперь работает с магазином там: подключите остальные кассы через Файл &gt; Подключиться к общему магазину.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Shared shop</source>
        <translation>Общий магазин</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/server_dialog.py" line="+44"/>
        <source>Move this shop to a shared server</source>
        <translation>Перенос магазина на общий сервер</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connect to a shared shop</source>
        <translation>Подключение к общему магазину</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copies this shop into an empty database on the shop&apos;s server, checks the copy, then this till uses the shop there. The shop&apos;s file on this computer is left as it was. Close the shop at every other till first.</source>
        <translation>Копирует этот магазин в пустую базу данных на сервере магазина, проверяет копию, и дальше эта касса работает с магазином там. Файл магазина на этом компьютере остаётся как был. Сначала закройте магазин на всех остальных кассах.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every till connected to the same server sells from one shop. This till keeps its own lists and catches up from the server.</source>
        <translation>Все кассы, подключённые к одному серверу, продают из одного магазина. Эта касса хранит свои списки и догоняет сервер.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server&apos;s name or address</source>
        <translation>Имя или адрес сервера</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The password is kept in this computer&apos;s keyring, never in a file.</source>
        <translation>Пароль хранится в связке ключей этого компьютера, никогда — в файле.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This computer has no keyring to keep the password (no Secret Service here), so Shop Manager asks for it at each start; it is never written to a file.</source>
        <translation>На этом компьютере нет связки ключей для пароля (нет Secret Service), поэтому Shop Manager спрашивает его при каждом запуске; в файл он не записывается.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Server:</source>
        <translation>С&amp;ервер:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ort:</source>
        <translation>П&amp;орт:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Database:</source>
        <translation>&amp;База данных:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>По&amp;льзователь:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>Па&amp;роль:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or an &amp;address:</source>
        <translation>Или &amp;адрес:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Move the shop</source>
        <translation>Пере&amp;нести магазин</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Connect</source>
        <translation>По&amp;дключиться</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Give the server&apos;s name and the database, or a whole address.</source>
        <translation>Укажите имя сервера и базу данных или полный адрес.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Connecting to %1…</source>
        <translation>Подключение к %1…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The database %1 already holds a shop (%2, %3): a shop moves only into an empty database. Create a new one, or connect this till to that shop instead.</source>
        <translation>В базе данных %1 уже есть магазин (%2, %3): магазин переносится только в пустую базу данных. Создайте новую или подключите эту кассу к тому магазину.</translation>
    </message>
</context>
<context>
    <name>ServerLinkNote</name>
    <message>
        <location filename="../../shop_gui/views/server_link_note.py" line="+31"/>
        <source>This till cannot reach the shop&apos;s server: the network or the server is down. The lists show what the till knew; sales and other changes are refused, with nothing half-done, until it is back. Shop Manager keeps trying and catches up by itself.</source>
        <translation>Эта касса не может связаться с сервером магазина: не работает сеть или сервер. Списки показывают то, что касса знала; продажи и другие изменения отклоняются, ничего не выполняется наполовину, пока связь не вернётся. Shop Manager продолжает попытки и сам получит всё, что пропустил.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The shop&apos;s server can be reached again; this till is up to date.</source>
        <translation>Связь с сервером магазина восстановлена; данные этой кассы снова актуальны.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Shop server unreachable: trying again in %1</source>
        <translation>Сервер магазина недоступен: новая попытка через %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shop server unreachable: trying again now…</source>
        <translation>Сервер магазина недоступен: новая попытка сейчас…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/settings_dialog.py" line="+17"/>
        <source>Shop settings</source>
        <translation>Настройки магазина</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Street, town, postcode: one per line</source>
        <translation>Улица, город, индекс: по одному на строку</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The ISO 4217 code: GBP, EUR, USD...</source>
        <translation>Код ISO 4217: RUB, KZT, BYN, EUR, USD...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shown with every amount: £, €, $, CHF ...</source>
        <translation>Показывается с каждой суммой: ₽, ₸, Br, €, $ ...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For products and categories without a rate of their own, e.g. 20 or 17.5</source>
        <translation>Для товаров и категорий без своей ставки, например 20 или 10</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prices include tax</source>
        <translation>Цены включают налог</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ticked: prices as entered contain the tax (shops selling to the public). Unticked: tax is added at the till.</source>
        <translation>С галочкой: введённые цены уже содержат налог (розничная торговля). Без галочки: налог добавляется на кассе.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Receipts, Z reports and printed reports; the window&apos;s own language is in File &gt; Language</source>
        <translation>Чеки, Z-отчёты и печатные отчёты; язык самого окна — в меню «Файл &gt; Язык»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Shop &amp;name</source>
        <translation>&amp;Название магазина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address</source>
        <translation>&amp;Адрес</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Currency code</source>
        <translation>&amp;Код валюты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency &amp;symbol</source>
        <translation>&amp;Символ валюты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;tax rate (%)</source>
        <translation>Ставка &amp;налога по умолчанию (%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Receipts in</source>
        <translation>&amp;Язык чеков</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name and address are printed at the top of every receipt.</source>
        <translation>Название и адрес печатаются в начале каждого чека.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Three letters, such as GBP or EUR.</source>
        <translation>Три буквы, например RUB или EUR.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shop needs a name.</source>
        <translation>У магазина должно быть название.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The currency symbol cannot be empty.</source>
        <translation>Символ валюты не может быть пустым.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A percentage from 0 to 100, such as 20 or 17.5.</source>
        <translation>Процент от 0 до 100, например 20 или 17.5.</translation>
    </message>
</context>
<context>
    <name>ShopBridge</name>
    <message>
        <location filename="../../shop_gui/bridge.py" line="+205"/>
        <source>Please try again in a moment.</source>
        <translation>Попробуйте ещё раз через минуту.</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../shop_gui/views/sign_in_screen.py" line="+50"/>
        <location line="+32"/>
        <source>Sign in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Staff</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Name</source>
        <translation>&amp;Имя</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PIN</source>
        <translation>PIN-код</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;PIN</source>
        <translation>&amp;PIN-код</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign in (Enter)</source>
        <translation>Войти (Enter)</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>%1, type your PIN</source>
        <translation>%1, введите PIN-код</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose your name first</source>
        <translation>Сначала выберите своё имя</translation>
    </message>
</context>
<context>
    <name>StaffActions</name>
    <message>
        <location filename="../../shop_gui/views/staff_actions.py" line="+56"/>
        <source>S&amp;taff...</source>
        <translation>&amp;Сотрудники...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add staff, change roles and PINs</source>
        <translation>Добавить сотрудников, изменить роли и PIN-коды</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;witch user</source>
        <translation>С&amp;менить пользователя</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign out and let someone else sign in</source>
        <translation>Выйти и дать войти другому</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign &amp;out</source>
        <translation>Выйти из у&amp;чётной записи</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nobody stays signed in here</source>
        <translation>Здесь никто не остаётся в системе</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 can no longer sign in.</source>
        <translation>%1 больше не может входить.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is the shop&apos;s owner now. From now on everyone signs in to use Shop Manager: sign in with the PIN just chosen, then add the others in File &gt; Staff...</source>
        <translation>%1 теперь владелец магазина. Отныне для работы в Shop Manager все входят под своим именем: войдите с только что выбранным PIN-кодом, затем добавьте остальных в меню Файл &gt; Сотрудники...</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Signed in at %1: %2, %3</source>
        <translation>Вход на кассе %1: %2, %3</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 signed out.</source>
        <translation>%1 вышел(а).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 was signed out after %2 without use.</source>
        <translation>%1: выход выполнен автоматически после %2 простоя.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signed in as %1 (%2).</source>
        <translation>Вы вошли как %1 (%2).</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/staff_dialog.py" line="+46"/>
        <location line="+5"/>
        <source>Staff</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+51"/>
        <source>&amp;Add...</source>
        <translation>&amp;Добавить...</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>A new staff member, with their role and PIN</source>
        <translation>Новый сотрудник с ролью и PIN-кодом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit...</source>
        <translation>&amp;Изменить...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their name, role, whether they may sign in, a new PIN</source>
        <translation>Имя, роль, может ли входить, новый PIN-код</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> minutes</source>
        <translation> мин</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign &amp;out when idle for</source>
        <translation>&amp;Выходить после простоя</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on this computer</source>
        <translation>на этом компьютере</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;Add the owner...</source>
        <translation>&amp;Добавить владельца...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>0: never. A setting of this computer, not of the shop.</source>
        <translation>0 — никогда. Настройка этого компьютера, а не магазина.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A manager or an owner sets this (signed in at this computer).</source>
        <translation>Это настраивает менеджер или владелец (вошедший на этом компьютере).</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1&apos;s details saved.</source>
        <translation>Данные сотрудника %1 сохранены.</translation>
    </message>
</context>
<context>
    <name>StaffMemberDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/staff_member_dialog.py" line="+43"/>
        <source>Edit staff member</source>
        <translation>Изменение данных сотрудника</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shop&apos;s owner</source>
        <translation>Владелец магазина</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New staff member</source>
        <translation>Новый сотрудник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ma&amp;y sign in</source>
        <translation>&amp;Может входить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Untick for someone who has left: their name stays in the shop&apos;s history.</source>
        <translation>Снимите галочку для уволившегося: его имя останется в истории магазина.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>keep the PIN</source>
        <translation>оставить PIN-код</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>4 to 8 digits</source>
        <translation>от 4 до 8 цифр</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the same again</source>
        <translation>ещё раз</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Name</source>
        <translation>&amp;Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation>&amp;Роль</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New &amp;PIN</source>
        <translation>Новый &amp;PIN-код</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;PIN</source>
        <translation>&amp;PIN-код</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN &amp;again</source>
        <translation>PIN-код &amp;ещё раз</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Leave the PIN blank to keep it.</source>
        <translation>Оставьте PIN-код пустым, чтобы не менять его.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN-код — от 4 до 8 цифр.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two PINs are not the same.</source>
        <translation>PIN-коды не совпадают.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Staff need a name.</source>
        <translation>Укажите имя сотрудника.</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <location filename="../../shop_gui/models/staff_model.py" line="+39"/>
        <source>no: cannot sign in</source>
        <translation>нет: не может входить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/stock_dialog.py" line="+29"/>
        <source>In stock now</source>
        <translation>Сейчас на складе</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stock after</source>
        <translation>Остаток после</translation>
    </message>
</context>
<context>
    <name>StockHistoryDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/stock_history_dialog.py" line="+27"/>
        <source>Stock history: %1</source>
        <translation>История остатка: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stock movements</source>
        <translation>Движения остатка</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Journal...</source>
        <translation>&amp;Журнал...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every change to this product: its details, price and stock</source>
        <translation>Все изменения этого товара: сведения, цена и остаток</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 has been deleted.</source>
        <translation>Товар «%1» удалён.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2): %3 in stock, %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2): на складе %3, %4</translation>
    </message>
</context>
<context>
    <name>StockValueModel</name>
    <message>
        <location filename="../../shop_gui/models/stock_report_models.py" line="+40"/>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
</context>
<context>
    <name>TillActions</name>
    <message>
        <location filename="../../shop_gui/views/till_actions.py" line="+38"/>
        <source>&amp;Open till...</source>
        <translation>&amp;Открыть смену...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start a session with a float</source>
        <translation>Начать смену с разменом</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pay &amp;in...</source>
        <translation>&amp;Внесение...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Put cash into the drawer without a sale</source>
        <translation>Положить наличные в ящик без продажи</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pay o&amp;ut...</source>
        <translation>Вы&amp;плата...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Take cash out of the drawer without a refund</source>
        <translation>Взять наличные из ящика без возврата</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;X report</source>
        <translation>&amp;X-отчёт</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The open session&apos;s figures so far (the till stays open)</source>
        <translation>Показатели открытой смены на сейчас (смена остаётся открытой)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close till...</source>
        <translation>&amp;Закрыть смену...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Count the drawer, end the session, print its Z report</source>
        <translation>Пересчитать ящик, закрыть смену, напечатать Z-отчёт</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Z reports...</source>
        <translation>&amp;Z-отчёты...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Past sessions: see, save or print their Z reports again</source>
        <translation>Прошлые смены: посмотреть, сохранить или снова напечатать их Z-отчёты</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Till</source>
        <translation>&amp;Касса</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The till is closed: open it with a float</source>
        <translation>Смена закрыта: откройте её с разменом</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The till opened by itself with the first sale: count the float into it</source>
        <translation>Смена открылась сама при первой продаже: внесите в неё размен</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is open since %2</source>
        <translation>Смена на кассе %1 открыта с %2</translation>
    </message>
</context>
<context>
    <name>TillCashMoveDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/till_cash_move_dialog.py" line="+46"/>
        <source>such as 20.00</source>
        <translation>например 2000,00</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>what it is for</source>
        <translation>назначение</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Amount (%1)</source>
        <translation>&amp;Сумма (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason</source>
        <translation>&amp;Причина</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Type the amount, such as 20.00.</source>
        <translation>Введите сумму, например 2000,00.</translation>
    </message>
</context>
<context>
    <name>TillCloseDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/till_close_dialog.py" line="+26"/>
        <source>Close the till</source>
        <translation>Закрытие смены</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close till</source>
        <translation>Закрыть смену</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Count the cash in the drawer: how many of each note and coin, or type the total. What the till expects is shown once you confirm your count.</source>
        <translation>Пересчитайте наличные в ящике: сколько купюр и монет каждого номинала, или введите итог. Ожидаемая сумма покажется, когда вы подтвердите подсчёт.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the total counted</source>
        <translation>подсчитанный итог</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm the c&amp;ount</source>
        <translation>&amp;Подтвердить подсчёт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your count is final once confirmed; then the expected cash is shown</source>
        <translation>После подтверждения подсчёт не меняется; затем показываются ожидаемые наличные</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>optional: why the cash is over or short</source>
        <translation>необязательно: почему наличных больше или меньше</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Counted &amp;total (%1)</source>
        <translation>Подсчитанный &amp;итог (%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Counted</source>
        <translation>Подсчитано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected</source>
        <translation>Ожидается</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference</source>
        <translation>Разница</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note</source>
        <translation>&amp;Примечание</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The till is not open: there is nothing to close.</source>
        <translation>Смена не открыта: закрывать нечего.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Count confirmed</source>
        <translation>Подсчёт подтверждён</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Count the notes and coins above, or type the total, then confirm the count.</source>
        <translation>Пересчитайте купюры и монеты выше или введите итог, затем подтвердите подсчёт.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm the count to see what the till expects.</source>
        <translation>Подтвердите подсчёт, чтобы увидеть, сколько ожидает касса.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close the till to end this session and print its Z report.</source>
        <translation>Закройте смену, чтобы завершить её и напечатать Z-отчёт.</translation>
    </message>
</context>
<context>
    <name>TillHardware</name>
    <message>
        <location filename="../../shop_gui/till_hardware.py" line="+48"/>
        <source>Printed %1.</source>
        <translation>Отправлено на принтер: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;No sale</source>
        <translation>&amp;Без продажи</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the cash drawer without a sale (recorded)</source>
        <translation>Открыть денежный ящик без продажи (записывается в журнал)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reprint last receipt</source>
        <translation>&amp;Повторить последний чек</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print the last receipt again</source>
        <translation>Ещё раз напечатать последний чек</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Receipt &amp;printer...</source>
        <translation>Принтер &amp;чеков...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This computer&apos;s receipt printer, its paper, and when it prints</source>
        <translation>Принтер чеков этого компьютера, его бумага и когда он печатает</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print &amp;labels...</source>
        <translation>Печать &amp;этикеток...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shelf-edge or product labels with barcodes, on A4 label sheets</source>
        <translation>Ценники или этикетки товаров со штрихкодами на листах A4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>La&amp;bel printer...</source>
        <translation>Принтер э&amp;тикеток...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This computer&apos;s label printer</source>
        <translation>Принтер этикеток этого компьютера</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the receipt of order %1?</source>
        <translation>Напечатать чек заказа %1?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Print receipt</source>
        <translation>&amp;Напечатать чек</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No &amp;receipt</source>
        <translation>Бе&amp;з чека</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the receipt of order %1</source>
        <translation>чек заказа %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the drawer</source>
        <translation>денежный ящик</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a test page</source>
        <translation>пробная страница</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (Nothing is lost: the sale is stored.)</source>
        <translation>%1 (Ничего не потеряно: продажа сохранена.)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No sale: the drawer opened.</source>
        <translation>Без продажи: денежный ящик открыт.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No receipt has been printed on this till yet.</source>
        <translation>На этой кассе ещё не печатали чеков.</translation>
    </message>
</context>
<context>
    <name>TillOpenDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/till_open_dialog.py" line="+15"/>
        <source>Open the till</source>
        <translation>Открытие смены</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open till</source>
        <translation>Открыть смену</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count the cash you put in the drawer to start with: the float to give change from.</source>
        <translation>Пересчитайте наличные, которые кладёте в ящик для начала: это размен для сдачи.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>such as 100.00</source>
        <translation>например 5000,00</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening &amp;float (%1)</source>
        <translation>&amp;Размен (%1)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Type the cash in the drawer, such as 100.00 (0 for none).</source>
        <translation>Введите сумму наличных в ящике, например 5000,00 (0 — без размена).</translation>
    </message>
</context>
<context>
    <name>TillReportDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/till_report_dialog.py" line="+29"/>
        <source>X report</source>
        <translation>X-отчёт</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Till report %1</source>
        <translation>Отчёт по смене %1</translation>
    </message>
</context>
<context>
    <name>TillSessionsDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/till_sessions_dialog.py" line="+22"/>
        <source>Z reports</source>
        <translation>Z-отчёты</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Till sessions</source>
        <translation>Смены</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Open report</source>
        <translation>&amp;Открыть отчёт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the chosen session&apos;s report, to read, save or print again</source>
        <translation>Показать отчёт выбранной смены, чтобы прочитать, сохранить или снова напечатать</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1. Choose one to see its Z report again, to save or print it.</source>
        <translation>%1. Выберите смену, чтобы снова увидеть её Z-отчёт, сохранить или напечатать его.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No till has been opened yet.</source>
        <translation>Смены ещё ни разу не открывались.</translation>
    </message>
</context>
<context>
    <name>TillSessionsModel</name>
    <message>
        <location filename="../../shop_gui/models/till_sessions_model.py" line="+65"/>
        <source>Still open: its report is an X report, figures so far</source>
        <translation>Ещё открыта: её отчёт — X-отчёт, показатели на сейчас</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <location filename="../../shop_gui/views/undo_actions.py" line="+35"/>
        <location line="+30"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Undo the last thing done at this till</source>
        <translation>Отменить последнее действие на этой кассе</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+27"/>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Do again what was just undone at this till</source>
        <translation>Повторить только что отменённое на этой кассе</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit</source>
        <translation>Правка</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Отменить: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Повторить: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Undone: %1.</source>
        <translation>Отменено: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Redone: %1.</source>
        <translation>Повторено: %1.</translation>
    </message>
</context>
<context>
    <name>WholeNumberSpinBox</name>
    <message>
        <location filename="../../shop_gui/views/number_field.py" line="+36"/>
        <source>“%1” is not a whole number: type digits only.</source>
        <translation>«%1» — не целое число: вводите только цифры.</translation>
    </message>
</context>
<context>
    <name>_Ask</name>
    <message>
        <location filename="../../shop_gui/views/reports_view.py" line="-342"/>
        <source>The report could not be made: %1</source>
        <translation>Не удалось составить отчёт: %1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../shop_gui/app.py" line="+116"/>
        <source>Something went wrong. Nothing you entered was lost; the log file in the shop&apos;s folder says what happened.</source>
        <translation>Что-то пошло не так. Ничего из введённого не потеряно; что случилось, записано в журнале в папке магазина.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The password for the shop&apos;s server (%1):</source>
        <translation>Пароль сервера магазина (%1):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer has no keyring to keep it, so Shop Manager asks at each start; it is never written to a file.</source>
        <translation>На этом компьютере нет связки ключей, чтобы его хранить, поэтому Shop Manager спрашивает его при каждом запуске; в файл он не записывается.</translation>
    </message>
</context>
<context>
    <name>cart_model</name>
    <message>
        <location filename="../../shop_gui/models/cart_model.py" line="-103"/>
        <source>%1: %2 in the order, %3 in stock.</source>
        <translation>%1: в заказе %2, на складе %3.</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>No discount: choose the line and type one below</source>
        <translation>Скидки нет: выберите строку и введите скидку ниже</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 off this line</source>
        <translation>скидка %1 на эту строку</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; %1 more from the order discount</source>
        <translation>; ещё %1 от скидки на заказ</translation>
    </message>
</context>
<context>
    <name>category_panel</name>
    <message>
        <location filename="../../shop_gui/views/category_panel.py" line="-25"/>
        <source>Category &quot;%1&quot; moved.</source>
        <translation>Категория «%1» перемещена.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Category &quot;%1&quot; deleted.</source>
        <translation>Категория «%1» удалена.</translation>
    </message>
</context>
<context>
    <name>customers_view</name>
    <message>
        <location filename="../../shop_gui/views/customers_view.py" line="-68"/>
        <source>%1 added.</source>
        <translation>%1: добавлено.</translation>
    </message>
</context>
<context>
    <name>document_dialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/document_dialog.py" line="-152"/>
        <source>No printer is set up on this computer, so the %1 cannot be printed. Use “Save as PDF...” instead, or add a printer in the system settings.</source>
        <translation>На этом компьютере не настроен принтер, поэтому %1 нельзя напечатать. Воспользуйтесь «Сохранить в PDF...» или добавьте принтер в настройках системы.</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>Sent to %1.</source>
        <translation>Отправлено на %1.</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../shop_gui/formatting.py" line="-205"/>
        <source>Walk-in</source>
        <translation>Без покупателя</translation>
    </message>
    <message>
        <location line="+216"/>
        <source> by %1</source>
        <translation> (%1)</translation>
    </message>
</context>
<context>
    <name>orders_model</name>
    <message>
        <location filename="../../shop_gui/models/orders_model.py" line="+252"/>
        <source>Placed: %1</source>
        <translation>Оформлен: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid %1 by %2</source>
        <translation>Оплачено %1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Payment reversed: %1 given back by %2</source>
        <translation>Оплата отменена: %1 возвращено (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fulfilled: handed over or sent</source>
        <translation>Выдан: вручён или отправлен</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Returned %1%2: %3 refunded%4</source>
        <translation>Возвращено %1%2: возвращено денег %3%4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>, %1 refunded%2</source>
        <translation>, возвращено денег %1%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 back in stock</source>
        <translation>на склад: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing to restock</source>
        <translation>на склад нечего возвращать</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled: %1%2</source>
        <translation>Отменён: %1%2</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1, approved by %2</source>
        <translation>%1, одобрил %2</translation>
    </message>
</context>
<context>
    <name>orders_view</name>
    <message>
        <location filename="../../shop_gui/views/orders_view.py" line="-326"/>
        <source>All customers</source>
        <translation>Все покупатели</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Order %1 fulfilled.</source>
        <translation>Заказ %1 выдан.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Order %1 cancelled; its items are back in stock.</source>
        <translation>Заказ %1 отменён; его товары вернулись на склад.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> Refund %1 to the customer%2.</source>
        <translation> Вернуть покупателю %1%2.</translation>
    </message>
</context>
<context>
    <name>park_actions</name>
    <message>
        <location filename="../../shop_gui/views/park_actions.py" line="+8"/>
        <source>That order was recalled already.</source>
        <translation>Этот заказ уже вернули.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Order recalled and priced again: %1.</source>
        <translation>Заказ возвращён и пересчитан: %1.</translation>
    </message>
</context>
<context>
    <name>pay_dialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/pay_dialog.py" line="+40"/>
        <source>Order %1 paid by %2.</source>
        <translation>Заказ %1 оплачен (%2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment for order %1 taken by %2: %3 still to pay.</source>
        <translation>Оплата заказа %1 принята (%2): осталось оплатить %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> Change: %1.</source>
        <translation> Сдача: %1.</translation>
    </message>
</context>
<context>
    <name>people</name>
    <message>
        <location filename="../../shop_gui/models/customers_model.py" line="+18"/>
        <location filename="../../shop_gui/models/staff_model.py" line="-24"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Заказов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spent</source>
        <translation>Потрачено</translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/staff_model.py" line="+1"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
</context>
<context>
    <name>pin_pad</name>
    <message>
        <location filename="../../shop_gui/views/pin_pad.py" line="-46"/>
        <source>%1 to %2 digits</source>
        <translation>от %1 до %2 цифр</translation>
    </message>
</context>
<context>
    <name>product_actions</name>
    <message>
        <location filename="../../shop_gui/views/product_actions.py" line="-79"/>
        <source>%1 added.</source>
        <translation>%1: добавлено.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>%1 restored.</source>
        <translation>Товар «%1» возвращён из архива.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 archived: tick “Show archived” to find it again.</source>
        <translation>Товар «%1» в архиве: отметьте «Показать архив», чтобы найти его.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 deleted.</source>
        <translation>Товар «%1» удалён.</translation>
    </message>
</context>
<context>
    <name>reason</name>
    <message>
        <location filename="../../shop_gui/texts.py" line="+45"/>
        <source>Unwanted</source>
        <translation>Не подошёл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Faulty</source>
        <translation>Брак</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong item</source>
        <translation>Не тот товар</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged</source>
        <translation>Повреждён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost</source>
        <translation>Утерян</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock-take</source>
        <translation>Инвентаризация</translation>
    </message>
</context>
<context>
    <name>receipt_document</name>
    <message>
        <location filename="../../shop_gui/receipt_document.py" line="+39"/>
        <source>%1 off</source>
        <translation>скидка %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&lt;b&gt;Order %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Заказ %1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer: %1</source>
        <translation>Покупатель: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;span style=&apos;color: %1; font-weight: bold&apos;&gt;CANCELLED&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color: %1; font-weight: bold&apos;&gt;ОТМЕНЁН&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 returned</source>
        <translation>возвращено %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Subtotal</source>
        <translation>Подытог</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order discount (%1)</source>
        <translation>Скидка на заказ (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order discount</source>
        <translation>Скидка на заказ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tax %1 on %2</source>
        <translation>Налог %1 с %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TOTAL</source>
        <translation>ИТОГО</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tax included:</source>
        <translation>В том числе налог:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 on %2</source>
        <translation>%1 с %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tendered</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change</source>
        <translation>Сдача</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Still to pay</source>
        <translation>Осталось оплатить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunded</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Thank you</source>
        <translation>Спасибо за покупку!</translation>
    </message>
</context>
<context>
    <name>receipt_printer</name>
    <message>
        <location filename="../../shop_gui/receipt_printer.py" line="+72"/>
        <source>The receipt printer failed: %1</source>
        <translation>Сбой принтера чеков: %1</translation>
    </message>
</context>
<context>
    <name>refund_method</name>
    <message>
        <location filename="../../shop_gui/dialogs/refund_method.py" line="+33"/>
        <source>Refund by</source>
        <translation>Способ возврата</translation>
    </message>
</context>
<context>
    <name>restore_dialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/restore_dialog.py" line="-56"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No. %1, %2</source>
        <translation>№ %1, %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
</context>
<context>
    <name>sales_report_model</name>
    <message>
        <location filename="../../shop_gui/models/sales_report_model.py" line="-70"/>
        <source>Week %1, %2 (from %3)</source>
        <translation>Неделя %1, %2 (с %3)</translation>
    </message>
</context>
<context>
    <name>staff_dialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/staff_dialog.py" line="-13"/>
        <source>%1 added as %2.</source>
        <translation>%1 добавлен(а) как %2.</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../shop_gui/texts.py" line="-21"/>
        <source>Placed</source>
        <translation>Оформлен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Оплачен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fulfilled</source>
        <translation>Выдан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
</context>
<context>
    <name>till_actions</name>
    <message>
        <location filename="../../shop_gui/views/till_actions.py" line="+11"/>
        <source>Till open with a float of %1.</source>
        <translation>Смена открыта, размен %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 paid in</source>
        <translation>Внесено %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 paid out</source>
        <translation>Выплачено %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Till closed: Z report %1.</source>
        <translation>Смена закрыта: Z-отчёт %1.</translation>
    </message>
</context>
<context>
    <name>till_report_document</name>
    <message>
        <location filename="../../shop_gui/till_report_document.py" line="+33"/>
        <source>Z report %1</source>
        <translation>Z-отчёт %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>X report</source>
        <translation>X-отчёт</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 short</source>
        <translation>недостача %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 over</source>
        <translation>излишек %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Journal at event %1</source>
        <translation>Журнал, событие %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Z REPORT %1</source>
        <translation>Z-ОТЧЁТ %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>X REPORT</source>
        <translation>X-ОТЧЁТ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The till is open: figures so far</source>
        <translation>Смена открыта: показатели на сейчас</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened automatically</source>
        <translation>Открыта автоматически</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source> by %1</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Closed%1</source>
        <translation>Закрыта%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Taken</source>
        <translation>Снят</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Sales&lt;/b&gt;</source>
        <translation>&lt;b&gt;Продажи&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Discounts given</source>
        <translation>Скидки</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tax %1 on %2</source>
        <translation>Налог %1 с %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelled: %1</source>
        <translation>Отменено: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Returns: %1</source>
        <translation>Возвраты: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Taken&lt;/b&gt;</source>
        <translation>&lt;b&gt;Получено&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>nothing yet</source>
        <translation>пока ничего</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Refunded&lt;/b&gt;</source>
        <translation>&lt;b&gt;Возвращено&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Net takings</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Cash drawer&lt;/b&gt;</source>
        <translation>&lt;b&gt;Денежный ящик&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening float</source>
        <translation>Размен на начало</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cash taken</source>
        <translation>Получено наличными</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cash refunded</source>
        <translation>Возвращено наличными</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid in</source>
        <translation>Внесено</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paid out</source>
        <translation>Выплачено</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expected cash</source>
        <translation>Ожидается наличных</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Counted</source>
        <translation>Подсчитано</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Difference</source>
        <translation>Разница</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: %1</source>
        <translation>Примечание: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Paid in and out&lt;/b&gt;</source>
        <translation>&lt;b&gt;Внесения и выплаты&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 in: %2</source>
        <translation>%1 внесение: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 out: %2</source>
        <translation>%1 выплата: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;No sale: drawer opened %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Без продажи: ящик открывали %1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;p align=&apos;center&apos; style=&apos;margin-top: 2px&apos;&gt;End of %1&lt;/p&gt;</source>
        <translation>&lt;p align=&apos;center&apos; style=&apos;margin-top: 2px&apos;&gt;Конец: %1&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>undo_marks</name>
    <message>
        <location filename="../../shop_gui/undo_marks.py" line="+18"/>
        <source>undone by %1 at %2, redone at %3</source>
        <translation>отменил(а) %1, %2; повторено %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>undone by %1 at %2</source>
        <translation>отменил(а) %1, %2</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <location filename="../../shop_gui/bridge.py" line="-188"/>
        <source>Another till is holding the shop&apos;s database; nothing was changed yet. Trying again...</source>
        <translation>Базу данных магазина занимает другая касса; пока ничего не изменено. Повторяем попытку...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Something went wrong and nothing was changed. Please try again; if it happens again, the log file says what went wrong.</source>
        <translation>Что-то пошло не так, ничего не изменено. Попробуйте ещё раз; если ошибка повторится, подробности — в журнале.</translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/keyboard_map.py" line="-53"/>
        <source>Enter (search box)</source>
        <translation>Enter (строка поиска)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the product with this SKU or barcode, or the only match, to the order</source>
        <translation>Добавить в заказ товар с этим артикулом или штрихкодом или единственный найденный</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Down (search box)</source>
        <translation>Стрелка вниз (строка поиска)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go into the product list</source>
        <translation>Перейти к списку товаров</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escape (search box)</source>
        <translation>Escape (строка поиска)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clear the search</source>
        <translation>Очистить поиск</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter (product list)</source>
        <translation>Enter (список товаров)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the chosen product to the order</source>
        <translation>Добавить выбранный товар в заказ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter (Quantity)</source>
        <translation>Enter (Количество)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the chosen product, this many times</source>
        <translation>Добавить выбранный товар в этом количестве</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>F2, or a number (order lines)</source>
        <translation>F2 или цифра (строки заказа)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the chosen line&apos;s quantity</source>
        <translation>Изменить количество в выбранной строке</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete (order lines)</source>
        <translation>Delete (строки заказа)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the chosen line out of the order</source>
        <translation>Убрать выбранную строку из заказа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next or previous field; out of a list</source>
        <translation>Следующее или предыдущее поле; выход из списка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt+underlined letter</source>
        <translation>Alt + подчёркнутая буква</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The tab, button or field it marks</source>
        <translation>Вкладка, кнопка или поле, которое она обозначает</translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/refund_method.py" line="-22"/>
        <source>As paid</source>
        <translation>Как оплачено</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../shop_gui/models/orders_model.py" line="-372"/>
        <location filename="../../shop_gui/receipt_document.py" line="-131"/>
        <location filename="../../shop_gui/till_report_document.py" line="-239"/>
        <source>Cash</source>
        <translation>Наличные</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/orders_model.py" line="+1"/>
        <location filename="../../shop_gui/receipt_document.py" line="+1"/>
        <location filename="../../shop_gui/till_report_document.py" line="+1"/>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/orders_model.py" line="+1"/>
        <location filename="../../shop_gui/till_report_document.py" line="+1"/>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As paid: back the way the order was paid (card and other payments first, cash last); or all of it in cash, to the card or another way</source>
        <translation>Как оплачено: тем же способом, что и оплата (сначала карта и другие способы, наличные последними); или всё наличными, на карту или другим способом</translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/cart_model.py" line="-176"/>
        <location filename="../../shop_gui/models/orders_model.py" line="+183"/>
        <location filename="../../shop_gui/models/sales_report_model.py" line="-17"/>
        <location filename="../../shop_gui/models/stock_report_models.py" line="+16"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/orders_model.py" line="+1"/>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/orders_model.py" line="+1"/>
        <location filename="../../shop_gui/models/product_table_model.py" line="-95"/>
        <location filename="../../shop_gui/models/stock_report_models.py" line="+3"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/orders_model.py" line="+1"/>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/orders_model.py" line="-173"/>
        <location line="+175"/>
        <location filename="../../shop_gui/models/sales_report_model.py" line="+43"/>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/low_stock_model.py" line="+14"/>
        <location filename="../../shop_gui/models/product_table_model.py" line="-1"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/restore_dialog.py" line="-22"/>
        <source>Made</source>
        <translation>Создана</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/sales_report_model.py" line="-6"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last order</source>
        <translation>Последний заказ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customers</source>
        <translation>Покупатели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes recorded</source>
        <translation>Записано изменений</translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/product_dialog.py" line="-218"/>
        <location filename="../../shop_gui/models/low_stock_model.py" line="-1"/>
        <location filename="../../shop_gui/models/orders_model.py" line="-6"/>
        <location filename="../../shop_gui/models/product_table_model.py" line="-1"/>
        <location filename="../../shop_gui/models/rejected_rows_model.py" line="+14"/>
        <location filename="../../shop_gui/models/stock_report_models.py" line="-4"/>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>название</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>category</source>
        <translation>категория</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>price</source>
        <translation>цена</translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/low_stock_model.py" line="+2"/>
        <location filename="../../shop_gui/models/sales_report_model.py" line="-36"/>
        <location filename="../../shop_gui/models/stock_report_models.py" line="-39"/>
        <location line="+41"/>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/product_table_model.py" line="+3"/>
        <source>Stock</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reorder at</source>
        <translation>Заказывать при</translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/orders_model.py" line="-173"/>
        <location filename="../../shop_gui/models/stock_history_model.py" line="+33"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+230"/>
        <location line="+26"/>
        <location line="+76"/>
        <location filename="../../shop_gui/models/stock_history_model.py" line="-5"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="-331"/>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+255"/>
        <source>Items</source>
        <translation>Товаров</translation>
    </message>
    <message>
        <location line="-253"/>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+172"/>
        <location filename="../../shop_gui/models/sales_report_model.py" line="+41"/>
        <source>Tax</source>
        <translation>Налог</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../shop_gui/models/sales_report_model.py" line="+5"/>
        <source>Returned</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tendered</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Сдача</translation>
    </message>
    <message>
        <location line="+24"/>
        <location filename="../../shop_gui/models/rejected_rows_model.py" line="+1"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>What happened</source>
        <translation>Что произошло</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/stock_history_model.py" line="+6"/>
        <location filename="../../shop_gui/models/till_sessions_model.py" line="-41"/>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/rejected_rows_model.py" line="-2"/>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/sales_report_model.py" line="-51"/>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hour</source>
        <translation>Час</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Staff</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/journal_model.py" line="-36"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/sales_report_model.py" line="+1"/>
        <location filename="../../shop_gui/models/till_sessions_model.py" line="-3"/>
        <source>Till</source>
        <translation>Касса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undone</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/sales_report_model.py" line="+2"/>
        <source>(not recorded)</source>
        <translation>(не указано)</translation>
    </message>
    <message>
        <location line="+33"/>
        <location filename="../../shop_gui/models/stock_report_models.py" line="-39"/>
        <source>Units</source>
        <translation>Единиц</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gross</source>
        <translation>Валовая</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discounts</source>
        <translation>Скидки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net</source>
        <translation>Чистая</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cost</source>
        <translation>Себестоимость</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Margin</source>
        <translation>Наценка</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/stock_report_models.py" line="+3"/>
        <source>Units without cost</source>
        <translation>Единиц без себестоимости</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunded</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net margin</source>
        <translation>Чистая наценка</translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/stock_history_model.py" line="-5"/>
        <source>Movement</source>
        <translation>Движение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock after</source>
        <translation>Остаток после</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason / note</source>
        <translation>Причина / примечание</translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/restore_dialog.py" line="-2"/>
        <location filename="../../shop_gui/models/stock_report_models.py" line="-4"/>
        <source>Products</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/stock_report_models.py" line="+2"/>
        <source>At cost</source>
        <translation>По себестоимости</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At price</source>
        <translation>По цене продажи</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>In stock</source>
        <translation>На складе</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stock at price</source>
        <translation>Остаток по цене продажи</translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/till_sessions_model.py" line="+1"/>
        <source>Opened</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected</source>
        <translation>Ожидается</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted</source>
        <translation>Подсчитано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference</source>
        <translation>Разница</translation>
    </message>
    <message>
        <location filename="../../shop_gui/receipt_document.py" line="+1"/>
        <source>Other payment</source>
        <translation>Другой способ оплаты</translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/journal_dialog.py" line="-199"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Файлы CSV (*.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/report_presets.py" line="+10"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 365 days</source>
        <translation>Последние 365 дней</translation>
    </message>
    <message>
        <location filename="../../shop_gui/report_presets.py" line="+1"/>
        <source>Yesterday</source>
        <translation>Вчера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This week</source>
        <translation>Эта неделя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last week</source>
        <translation>Прошлая неделя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom...</source>
        <translation>Свой период...</translation>
    </message>
    <message>
        <location filename="../../shop_gui/texts.py" line="+3"/>
        <source>Owner</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <location filename="../../shop_gui/views/customer_picker.py" line="-46"/>
        <source>Who the order is for: type part of a name, phone number or e-mail</source>
        <translation>Для кого заказ: введите часть имени, телефона или эл. почты</translation>
    </message>
    <message>
        <location filename="../../shop_gui/views/order_form.py" line="-486"/>
        <source>10% or 1.50</source>
        <translation>10% или 1,50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A discount is a percentage such as 10% or an amount such as 1.50.</source>
        <translation>Скидка — это процент, например 10%, или сумма, например 1,50.</translation>
    </message>
    <message>
        <location filename="../../shop_gui/views/reports_view.py" line="-27"/>
        <source>Slow movers</source>
        <translation>Неходовые товары</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stock value</source>
        <translation>Стоимость остатков</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled orders count nowhere here, so a day can differ from that day&apos;s Z report once one of its orders is cancelled later: the Z report shows the cancellation in the till session where it happened. Returns count on the day they were taken.</source>
        <translation>Отменённые заказы здесь не учитываются, поэтому день может отличаться от Z-отчёта за этот день, если один из его заказов позже отменён: Z-отчёт показывает отмену в той смене, где она произошла. Возвраты учитываются в день, когда их приняли.</translation>
    </message>
    <message>
        <location filename="../../shop_gui/views/sign_in_screen.py" line="-179"/>
        <source>Choose your name first.</source>
        <translation>Сначала выберите своё имя.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN-код — от 4 до 8 цифр.</translation>
    </message>
    <message>
        <location filename="../../shop_gui/printing.py" line="+12"/>
        <source>80 mm roll</source>
        <translation>Лента 80 мм</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/document_dialog.py" line="-168"/>
        <source>The document could not be printed.</source>
        <translation>Не удалось напечатать документ.</translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/receipt_dialog.py" line="-20"/>
        <source>The receipt could not be printed; the order is stored all the same.</source>
        <translation>Не удалось напечатать чек; заказ всё равно сохранён.</translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/till_report_dialog.py" line="-8"/>
        <source>The report could not be printed; the till&apos;s figures are stored all the same.</source>
        <translation>Не удалось напечатать отчёт; показатели кассы всё равно сохранены.</translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/column_mapping_dialog.py" line="-74"/>
        <source>&amp;SKU</source>
        <translation>&amp;Артикул</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ategory</source>
        <translation>&amp;Категория</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Price</source>
        <translation>&amp;Цена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tock</source>
        <translation>&amp;Остаток</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Barcode</source>
        <translation>&amp;Штрихкод</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reorder level</source>
        <translation>&amp;Минимальный остаток</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/pay_dialog.py" line="-253"/>
        <source>&amp;Cash</source>
        <translation>&amp;Наличные</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ca&amp;rd</source>
        <translation>&amp;Карта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Other</source>
        <translation>&amp;Другое</translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/move_category_dialog.py" line="-20"/>
        <source>Top level (no parent)</source>
        <translation>Верхний уровень (без родителя)</translation>
    </message>
    <message>
        <location filename="../../shop_gui/about_dialog.py" line="-82"/>
        <source>Shop Manager is free software under the MIT licence. Qt and PySide6 are used under the GNU LGPL version 3, unmodified, as separate libraries in the program&apos;s folder, which you may replace with your own builds; their source code is at &lt;a href=&apos;https://download.qt.io/official_releases/QtForPython/&apos;&gt;download.qt.io&lt;/a&gt;. The licence texts are installed with the program (folder &lt;i&gt;licenses&lt;/i&gt;).</source>
        <translation>Shop Manager — свободная программа под лицензией MIT. Qt и PySide6 используются по лицензии GNU LGPL версии 3 без изменений, как отдельные библиотеки в папке программы, которые можно заменить своими сборками; их исходный код — на &lt;a href=&apos;https://download.qt.io/official_releases/QtForPython/&apos;&gt;download.qt.io&lt;/a&gt;. Тексты лицензий устанавливаются вместе с программой (папка &lt;i&gt;licenses&lt;/i&gt;).</translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/staff_dialog.py" line="-116"/>
        <source>No staff yet: whoever uses this computer may do everything, as the shop&apos;s owner, and nobody signs in. Add the first staff member, the owner, to have everyone sign in with a PIN; the owner then adds the others.</source>
        <translation>Сотрудников пока нет: кто работает за этим компьютером, может всё, как владелец магазина, и никто не входит под своим именем. Добавьте первого сотрудника — владельца, чтобы все входили с PIN-кодом; остальных затем добавит владелец.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Everyone signs in with their PIN. What a cashier may not do on their own, a manager approves with their PIN there and then.</source>
        <translation>Каждый входит со своим PIN-кодом. То, что кассир не может сделать сам, менеджер тут же одобряет своим PIN-кодом.</translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/staff_member_dialog.py" line="-98"/>
        <source>The first staff member is the shop&apos;s owner, who can then add everyone else. Once the shop has staff, everyone signs in with their PIN to use it.</source>
        <translation>Первый сотрудник — владелец магазина, он затем добавит всех остальных. Когда в магазине есть сотрудники, каждый входит со своим PIN-кодом.</translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/till_cash_move_dialog.py" line="-62"/>
        <source>Pay in</source>
        <translation>Внесение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cash put into the drawer without a sale, such as change from the bank.</source>
        <translation>Наличные, положенные в ящик без продажи, например размен из банка.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change from the bank</source>
        <translation>Размен из банка</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Float top-up</source>
        <translation>Пополнение размена</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pay out</source>
        <translation>Выплата</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cash taken out of the drawer without a refund, such as a supplier paid or takings banked.</source>
        <translation>Наличные, взятые из ящика без возврата, например оплата поставщику или сдача выручки в банк.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Takings to the bank</source>
        <translation>Выручка в банк</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplier paid</source>
        <translation>Оплата поставщику</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cleaning</source>
        <translation>Уборка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postage</source>
        <translation>Почтовые расходы</translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/label_printer_dialog.py" line="-26"/>
        <source>ZPL (Zebra and compatible)</source>
        <translation>ZPL (Zebra и совместимые)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ESC/POS (a cut after each label)</source>
        <translation>ESC/POS (отрез после каждой этикетки)</translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/receipt_printer_dialog.py" line="-196"/>
        <source>None (receipts through the system&apos;s print dialog)</source>
        <translation>Нет (чеки через системный диалог печати)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serial</source>
        <translation>COM-порт</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>58 mm (32 characters)</source>
        <translation>58 мм (32 символа)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>80 mm (42 characters)</source>
        <translation>80 мм (42 символа)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>80 mm (48 characters)</source>
        <translation>80 мм (48 символов)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Always</source>
        <translation>Всегда</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask each time</source>
        <translation>Спрашивать каждый раз</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never</source>
        <translation>Никогда</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Barcode (Code 128)</source>
        <translation>Штрихкод (Code 128)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QR code</source>
        <translation>QR-код</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QR code, sent as a picture</source>
        <translation>QR-код картинкой</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Generic (Epson and most others)</source>
        <translation>Обычный (Epson и большинство других)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generic, basic features only</source>
        <translation>Обычный, только простые функции</translation>
    </message>
    <message>
        <location filename="../../shop_gui/label_sheet.py" line="+21"/>
        <source>Shelf-edge labels</source>
        <translation>Ценники на полку</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Product labels</source>
        <translation>Этикетки на товар</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>3 x 8 (70 x 37 mm)</source>
        <translation>3 × 8 (70 × 37 мм)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4 x 10 (52.5 x 29.7 mm)</source>
        <translation>4 × 10 (52,5 × 29,7 мм)</translation>
    </message>
    <message>
        <location filename="../../shop_gui/views/backup_actions.py" line="-232"/>
        <source>Put the shop back as a backup holds it; today&apos;s shop is kept aside</source>
        <translation>Вернуть магазин в состояние из резервной копии; текущий магазин сохраняется рядом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop Manager backups (shop-backup-*.zip);;All files (*)</source>
        <translation>Резервные копии Shop Manager (shop-backup-*.zip);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restoring a backup needs a manager or an owner signed in.</source>
        <translation>Для восстановления из копии должен войти менеджер или владелец.</translation>
    </message>
    <message>
        <location filename="../../shop_gui/views/undo_actions.py" line="-66"/>
        <source>Nothing done at this till can be undone.</source>
        <translation>На этой кассе нечего отменять.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is nothing to redo at this till.</source>
        <translation>На этой кассе нечего повторять.</translation>
    </message>
    <message>
        <location filename="../../shop_gui/views/server_actions.py" line="-231"/>
        <source>Changing which shop this till uses needs a manager or an owner signed in.</source>
        <translation>Сменить магазин этой кассы может только вошедший менеджер или владелец.</translation>
    </message>
</context>
</TS>
