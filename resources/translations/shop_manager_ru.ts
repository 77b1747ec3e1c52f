<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name></name>
    <message>
        <location filename="../../core/catalog_csv.py" line="+68"/>
        <location line="+563"/>
        <location filename="../../core/domain/command_values.py" line="+37"/>
        <location filename="../../core/handlers/catalog_import.py" line="+128"/>
        <location filename="../../core/handlers/products.py" line="+45"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-562"/>
        <location line="+583"/>
        <location filename="../../core/domain/validation.py" line="+80"/>
        <location filename="../../core/handlers/catalog_import.py" line="+1"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-582"/>
        <location filename="../../core/handlers/categories.py" line="+23"/>
        <location filename="../../core/handlers/products.py" line="+16"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/domain/validation.py" line="-39"/>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/domain/validation.py" line="-4"/>
        <location filename="../../core/handlers/catalog_import.py" line="+3"/>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+562"/>
        <location filename="../../core/handlers/catalog_import.py" line="+1"/>
        <location filename="../../core/handlers/products.py" line="-1"/>
        <source>Barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-561"/>
        <location filename="../../core/handlers/catalog_import.py" line="+1"/>
        <location filename="../../core/handlers/products.py" line="-7"/>
        <source>Reorder level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Price cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <location line="+20"/>
        <location line="+3"/>
        <source>Price &quot;{text}&quot; is not an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Price &quot;{text}&quot; is ambiguous (thousands or decimals?): write it with two decimals, such as 1234.00 or 1.23.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Price &quot;{text}&quot; has more than two decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../../core/domain/validation.py" line="-11"/>
        <source>{label} cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} &quot;{s}&quot; is not a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../core/handlers/catalog_import.py" line="-89"/>
        <location line="+41"/>
        <source>Category cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category &quot;{text}&quot; has an empty level (two &quot;/&quot; in a row).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/handlers/catalog_import.py" line="-28"/>
        <source>Each category in the path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Line {line} of &quot;{name}&quot; is not UTF-8 text: save the file as &quot;CSV UTF-8&quot; (Excel) or with the Unicode (UTF-8) character set (LibreOffice) and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;{name}&quot; is UTF-16 text, not UTF-8: save it as &quot;CSV UTF-8&quot; (Excel) or with the Unicode (UTF-8) character set (LibreOffice).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Columns {value} (&quot;{text}&quot;) and {value2} (&quot;{strip2}&quot;) of &quot;{name}&quot; are both the {field}: keep one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Repeated SKUs are rejected, or the first or last row kept, not {repeated_skus!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+62"/>
        <location line="+490"/>
        <source>&quot;{name}&quot; is empty: there is no header line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-547"/>
        <location line="+570"/>
        <source>&quot;{path}&quot; could not be read: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-533"/>
        <location line="+542"/>
        <source>Line {value} of &quot;{name}&quot; could not be read ({exc}): is a closing quote missing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-498"/>
        <source>SKU &quot;{sku}&quot; is repeated: its last row, line {line}, is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SKU &quot;{sku}&quot; is repeated: its first row, line {line}, is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SKU &quot;{sku}&quot; is already on line {line}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Barcode &quot;{barcode}&quot; is already on line {line} (SKU &quot;{owner}&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+82"/>
        <source>The row has {count} values but the header names {width} columns (a value holding the delimiter must be in double quotes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The row runs from line {start} to line {end}: a value in quotes holds a line break (or a closing quote is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Barcode &quot;{code}&quot; was turned into a number by a spreadsheet: format the barcode column as text and save the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Price is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Price &quot;{text}&quot; is zero: a product needs a price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Price &quot;{text}&quot; is more than {amount}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The batch size must be a whole number of at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+140"/>
        <location filename="../../core/handlers/catalog.py" line="+83"/>
        <location filename="../../core/handlers/categories.py" line="+5"/>
        <source>There is no category number {category_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&quot;{path}&quot; could not be written: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;{name}&quot; has no column {value} for the {field}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>One column was chosen for two fields: choose one column each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a column for: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&quot;{name}&quot; is not UTF-8 text: save it as &quot;CSV UTF-8&quot; and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/demo.py" line="+355"/>
        <source>The demo shop can only be added to an empty shop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/dispatcher.py" line="+95"/>
        <source>Unknown command: {kind}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/domain/command_values.py" line="+1"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/handlers/customers.py" line="+46"/>
        <source>The e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>A text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} is far too large a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{label} holds a character that is not text (a lone surrogate).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../core/domain/validation.py" line="+48"/>
        <source>{label} holds a control character (U+{ord:04X}), which cannot be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/domain/denominations.py" line="+70"/>
        <source>A denomination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/domain/validation.py" line="-51"/>
        <location line="+28"/>
        <source>{label} must be a whole number, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A denomination must be more than nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A count is from 0 to {MAX_COUNT:,}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/domain/order_lines.py" line="+32"/>
        <source>A discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>{label} must be a percentage or an amount, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <location filename="../../core/handlers/settings.py" line="+32"/>
        <source>{label} must be a percentage from 0 to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>An order&apos;s lines must be a list of order lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An order can have at most {MAX_ORDER_LINES:,} lines; this one has {count:,}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not an order line: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/handlers/products_state.py" line="+25"/>
        <location filename="../../core/handlers/returns.py" line="+40"/>
        <location filename="../../core/handlers/stock.py" line="+36"/>
        <source>Product number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A line discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The order is empty: add at least one product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{name} is on two lines with different discounts: put it on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../core/handlers/products_state.py" line="+4"/>
        <location filename="../../core/read_model/queries.py" line="+36"/>
        <source>There is no product number {product_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is archived: restore it before selling it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The order&apos;s request id must be a text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The order&apos;s request id must be one line of at most {MAX_REQUEST_ID_LENGTH} characters, without surrounding spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/domain/order_status.py" line="+42"/>
        <source>Order {id} is already paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {id} is already paid and fulfilled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {id} is cancelled: it cannot be paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order {id} is not paid yet: {due} is still due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {id} is already fulfilled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {id} is cancelled: it cannot be fulfilled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order {id} is already fulfilled: take a return instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {id} is already cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order {id} is not paid yet, so nothing can be returned: cancel it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {id} is cancelled: its items are already back in stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Order {id} cannot be changed now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/domain/permissions.py" line="+60"/>
        <source>Cancelling an order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taking items back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjusting stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adding a product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adding products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changing a product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archiving a product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restoring a product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleting a product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importing products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adding a category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renaming a category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moving a category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleting a category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changing a category&apos;s tax rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changing the shop&apos;s settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paying cash out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adding staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changing staff details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This needs a manager: ask one to approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{action} needs a manager: ask one to approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/domain/refunds.py" line="+14"/>
        <source>Choose how the money goes back: cash, card or other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/domain/report_periods.py" line="+52"/>
        <source>A report is grouped by one of: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A report&apos;s period is given as two days (dates).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A report&apos;s period must end on or after the day it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A report covers at most twelve years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A report&apos;s limit is a whole number of rows, at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/domain/staff.py" line="+41"/>
        <source>Choose a role: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A PIN is {MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A till&apos;s name must be one line of text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A till&apos;s name is at most {MAX_TILL_NAME_LENGTH} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/domain/validation.py" line="-24"/>
        <source>{label} must be at least {minimum}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{label} cannot be more than {maximum:,}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{label} cannot be more than {amount}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{label} {value} is far too large a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+46"/>
        <source>{label} must be on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-39"/>
        <source>{label} cannot be empty: it holds only characters that show nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+18"/>
        <source>{label} cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-13"/>
        <source>{label} is too long (at most {MAX_NAME_LENGTH} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{label} {value} must not start or end with a space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{label} is too long (at most {MAX_CODE_LENGTH} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/handlers/catalog.py" line="-57"/>
        <source>Parent category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There are no products to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Item {number} is not a product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <location filename="../../core/handlers/products.py" line="+21"/>
        <source>Another product already has the SKU &quot;{sku}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../core/handlers/products.py" line="+2"/>
        <source>Another product already has the barcode &quot;{barcode}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Another product already has one of these SKUs or barcodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/handlers/catalog_import.py" line="-7"/>
        <source>The category path {value} is too deep: at most {MAX_CATEGORY_DEPTH} levels of at most {MAX_NAME_LENGTH} characters each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Barcode must be text, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>An import takes a list of product records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each product record needs its line number, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/handlers/categories.py" line="-13"/>
        <source>Category name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{label} cannot contain &quot;/&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>A category named &quot;{name}&quot; already exists there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Categories go at most {MAX_CATEGORY_DEPTH} levels deep: &quot;{name}&quot; there would make {deepest}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New parent category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;{name}&quot; cannot go under itself or one of its own sub-categories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;{name}&quot; still holds {count} product: choose a category to move them to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{name}&quot; still holds {count} products: choose a category to move them to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category to move the products to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The products cannot stay in &quot;{name}&quot; if it is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/handlers/customers.py" line="-17"/>
        <source>{label} must be text, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The phone number &quot;{value}&quot; does not look right: use digits, spaces and + ( ) - only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The e-mail address &quot;{value}&quot; does not look right: it should be like name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/handlers/stock.py" line="-7"/>
        <source>The note is too long (at most {MAX_NOTE_LENGTH} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customer name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customer number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/read_model/queries.py" line="+122"/>
        <source>There is no customer number {customer_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/handlers/orders.py" line="+35"/>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/read_model/queries.py" line="-61"/>
        <source>There is no order number {order_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{name} is out of stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only {available} left of {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+59"/>
        <location filename="../../core/read_model/queries.py" line="+7"/>
        <source>The order discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/handlers/payments.py" line="+28"/>
        <source>Choose how the order is paid: cash, card or other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a cash payment has an amount tendered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Order {order_id} has only {money} left to pay, not {money2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter the amount paid: {money} is due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The cash tendered ({money}) does not cover {money2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/handlers/permissions.py" line="+53"/>
        <source>Sign in first: once a shop has staff, each of them signs in to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} can no longer sign in: sign in as someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only an active manager or owner can approve this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is a cashier and cannot approve this: ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/handlers/products.py" line="-30"/>
        <source>Product name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cost price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tax rate must be a percentage from 0 to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/handlers/staff.py" line="+35"/>
        <source>Active must be yes or no, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Another product already has the SKU &quot;{sku}&quot; or barcode &quot;{barcode}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Another product already has this SKU or barcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{name} is already {state}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{name} has been sold, so it stays in past orders: archive it instead of deleting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/handlers/returns.py" line="-5"/>
        <source>A return&apos;s lines must be a list of return lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not a return line: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose at least one item to return.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a reason for the return: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Order {order_id} has no {product_name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Every {name} from order {order_id} has already been returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only {left} of {name} from order {order_id} can still be returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/handlers/settings.py" line="-2"/>
        <source>Tax rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The address must be text, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The address is too long (at most {MAX_ADDRESS_LENGTH} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The currency code must be three letters, such as GBP or EUR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The currency symbol cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The currency symbol must be one line of at most {MAX_SYMBOL_LENGTH} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Prices include tax must be yes or no, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shop name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The default tax rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{currency_code} has {minor_digits} decimal places and {currency_code2} has {minor_digits2}: the prices already entered would change, so the currency cannot be changed now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/handlers/staff.py" line="+9"/>
        <source>Another staff member is already called &quot;{name}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+25"/>
        <source>Staff name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The first staff member must be an owner, who can then add everyone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an owner can add an owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+38"/>
        <source>Staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+47"/>
        <location filename="../../core/read_model/queries.py" line="+102"/>
        <source>There is no staff member number {staff_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Only an owner can change {name}&apos;s details: {name} is an owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an owner can make someone an owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} is the shop&apos;s last owner: make someone else an owner first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{name} can no longer sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/handlers/stock.py" line="-4"/>
        <source>A note must be text, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+81"/>
        <source>Stock of {name} cannot go above {MAX_QUANTITY:,}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Choose a reason for the adjustment: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give either the counted quantity or the change, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The stock seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stock of {name} changed from {seen} to {stock} while you counted; please count again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Counted quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stock of {name} changed while you counted; please count again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A change of 0 changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Only {available} of {name} in stock: cannot take away {change}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{name} already has {stock_after} in stock: nothing to adjust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/handlers/till.py" line="+89"/>
        <source>The float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{till} is already open: close it before opening it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The counted cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{till} is not open: there is nothing to close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The reason is too long (at most {MAX_REASON_LENGTH} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/read_model/queries.py" line="-135"/>
        <source>Choose a status: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A page of orders holds at least one order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+98"/>
        <source>{till} is not open: there is no session to report on yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Till session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no till session number {session_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/shop.py" line="+150"/>
        <source>An approval is a manager&apos;s staff number and PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Too many wrong PINs at this till: try again in {seconds} second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many wrong PINs at this till: try again in {seconds} seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That PIN is not right: {left} more try before sign-in pauses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That PIN is not right: {left} more tries before sign-in pauses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Unknown query: {kind}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+173"/>
        <source>is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is empty (0 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The shop&apos;s database {name} {what} in {parent}, though the folder holds a shop&apos;s lists, so nothing was opened or changed: copy {name} back from the shop&apos;s latest backup into that folder, then open the shop again (to start an empty shop there instead, move the {name2} folder away first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The shop in {data_dir} could not be opened: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/write_model/db_errors.py" line="+10"/>
        <source>Another till is holding the shop&apos;s database; nothing was changed. Try again in a moment: it should work once that till has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The shop&apos;s database could not be written; nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shop&apos;s database could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{head}. It is read-only: let this user write to the shop&apos;s folder, or move the shop to a folder that can be written, then start Shop Manager again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{head}. Its folder cannot be written: let this user write to the shop&apos;s folder, or move the shop to a folder that can be written, then start Shop Manager again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{head}. The disk holding the shop is full: free some space on it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{head}. It is damaged ({reason}): close Shop Manager and restore the shop from its latest backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{head} ({reason}). Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/write_model/engine.py" line="+77"/>
        <source>This shop was last used by a newer Shop Manager (data version {found}); please install that version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../shop_gui/about_dialog.py" line="+68"/>
        <source>About Shop Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&lt;b style=&apos;font-size:14pt&apos;&gt;Shop Manager&lt;/b&gt;&lt;br&gt;Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Catalog, counter and stock for a small shop.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdjustStockDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/adjust_stock_dialog.py" line="+16"/>
        <source>Adjust stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adjust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Counted quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;rrection (+/−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>R&amp;eason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Stock changed from %1 to %2 since the count was typed (a sale?): count again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That is the stock already: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A change of 0 changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only %1 in stock: cannot take away %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stock cannot go above %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../shop_gui/approval.py" line="+77"/>
        <source>Ask a manager to approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Their PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approver&apos;s PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A manager or an owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>An owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 may approve this one action with their PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>A PIN is 4 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelOrderDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/cancel_order_dialog.py" line="+26"/>
        <source>Cancel order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ca&amp;ncel order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keep order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the order as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Refund &amp;by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cancel order %1? Its items go back in stock and %2 is refunded to the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel order %1 and put its items back in stock?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../shop_gui/models/cart_model.py" line="+205"/>
        <source>Double-click, F2 or type a number to change it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CashCount</name>
    <message>
        <location filename="../../shop_gui/dialogs/cash_count.py" line="+30"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Coins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Number of %1 %2s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Counted: %1</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Export catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n SKU(s) of “%1” on more than one row. Which row of each is imported?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep the &amp;first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the &amp;last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reject the repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Catalog file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+5"/>
        <source>Import cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+27"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>%1: say which column is which.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Importing products from %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Importing %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelling after the current batch...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Importing products from %1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 created, %3 updated, %4 unchanged, %5 rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Exported %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogView</name>
    <message>
        <location filename="../../shop_gui/views/catalog_view.py" line="+52"/>
        <location line="+102"/>
        <source>Search name, SKU or barcode; Enter adds to the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Search products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the archived products instead, to restore them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Search the archived products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No product has the code &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 products match &quot;%2&quot;: choose one (Down goes to the list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is archived: restore it before selling it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 matching &quot;%2&quot; in the whole catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategoryNameDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/category_name_dialog.py" line="+28"/>
        <source>Rename category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Type a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A category name cannot contain &quot;/&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A category named &quot;%1&quot; is already there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategoryPanel</name>
    <message>
        <location filename="../../shop_gui/views/category_panel.py" line="+54"/>
        <location line="+114"/>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-101"/>
        <source>New category...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a category at the top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New sub-category...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a category inside the chosen one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename the chosen category (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move to...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put the chosen category somewhere else (or drag it in the tree)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the chosen category (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Delete category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Delete category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Keep category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+7"/>
        <source>Category &quot;%1&quot; added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Category renamed to &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Category moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Category deleted; its %1 products moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete the category &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategoryTreeModel</name>
    <message>
        <location filename="../../shop_gui/models/category_tree_model.py" line="+29"/>
        <source>All products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/column_mapping_dialog.py" line="+30"/>
        <source>Which column is which?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” does not name every column Shop Manager needs. Say which of its columns holds each; the others are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: (no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>for rows without one: type or choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Default category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/command_dialog.py" line="+130"/>
        <source>&amp;Change it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <location filename="../../shop_gui/formatting.py" line="+189"/>
        <source>%Ln item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln order(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln product(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln archived product(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln SKU(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln return(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln rejected row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln closed session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln movement(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/customer_dialog.py" line="+19"/>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>optional: preferences, account details...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A customer needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <location filename="../../shop_gui/views/customer_picker.py" line="+57"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <location filename="../../shop_gui/views/customers_view.py" line="+57"/>
        <source>Search name, phone or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New customer...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The customer&apos;s orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click an order to open it in the Orders tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&lt;b&gt;Orders&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose a customer to see their orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No customers match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No customers yet: “New customer...” adds one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Customer since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, total spent &lt;b&gt;%2&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteCategoryDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/delete_category_dialog.py" line="+17"/>
        <source>Delete category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; holds %2. Choose where they go before it is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source> Its sub-categories move up to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source> There is no other category to take them: add one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move them &amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move and delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/document_dialog.py" line="+85"/>
        <source>The paper of a saved PDF: a till roll&apos;s width, or A4 pages to file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pape&amp;r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as P&amp;DF...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Save %1 as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The %1 could not be saved as %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../shop_gui/models/orders_model.py" line="+368"/>
        <source>(not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/import_results_dialog.py" line="+38"/>
        <source>Import stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Rejected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rejected rows (%1); none of them was imported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No row was rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save report...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the rejected rows (line, SKU, reason) as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the rejected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 saved to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyboardMapDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/keyboard_map.py" line="+65"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What they do</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../shop_gui/views/language_menu.py" line="+14"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The language changes when Shop Manager next starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LowStockView</name>
    <message>
        <location filename="../../shop_gui/views/low_stock_view.py" line="+27"/>
        <source>Low stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Receive stock...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a delivery of the chosen product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No product is at or below its reorder level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 at or below the reorder level</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../shop_gui/main_window.py" line="+80"/>
        <source>Shop Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+56"/>
        <source>&amp;Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;ustomers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import products...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+117"/>
        <source>Add or update products from a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-115"/>
        <source>&amp;Export catalog...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save every product to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+125"/>
        <source>Export &amp;current category...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Save the chosen category&apos;s products to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shop &amp;settings...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The shop&apos;s name and address for receipts, its currency and tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Shop Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Place the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the search box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Park the order, to serve the next customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recall a parked order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Importing products needs a manager or an owner signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Low stock (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export “%1”...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Choose a product in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Shop settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 added; the order is in their name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An order is being built. Park it (F9 recalls it at the next start) and quit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Park it and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep selling</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoveCategoryDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/move_category_dialog.py" line="+18"/>
        <source>Move category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move &quot;%1&quot; and its sub-categories under:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../shop_gui/views/orders_view.py" line="+64"/>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <location filename="../../shop_gui/views/order_form.py" line="+95"/>
        <source>New...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a customer and put this order in their name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+81"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Add to order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Order lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Discount on the chosen line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discount on the chosen line: a percentage (10%) or an amount off the whole line (1.50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Discount on the whole order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discount on the whole order, after the lines&apos; own: a percentage (10%) or an amount (5.00)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+233"/>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-223"/>
        <location line="+349"/>
        <source>Place Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-348"/>
        <source>Place the order (Ctrl+Enter), then take payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Custo&amp;mer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Line &amp;discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>O&amp;rder discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Subtotal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Quantity: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+136"/>
        <location line="+21"/>
        <source>Total %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Lines: %1; order: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tax included (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tax (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+104"/>
        <source>The discount on %1, %2, is more than the line (%3): give the line away free?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Place order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Order %1 placed: %2, %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <location filename="../../shop_gui/models/orders_model.py" line="-124"/>
        <source>line discount %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>share of the order discount %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Included in the price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added to the price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 returned, %2 refunded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderSummaryModel</name>
    <message>
        <location line="-188"/>
        <source>Paid %1, refunded %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 still to pay</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../shop_gui/views/orders_view.py" line="+58"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Orders placed on or after this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Orders placed on or before this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Order no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find one order by its number (the other filters are then set aside)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear every filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Lines of the chosen order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>T&amp;ake payment...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fulf&amp;il</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Return items...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ca&amp;ncel Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recei&amp;pt...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview the receipt, save it as PDF or print it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fro&amp;m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom&amp;er</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+280"/>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-279"/>
        <location line="+282"/>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-281"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+101"/>
        <source>%Ln order(s) match the filters</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+101"/>
        <source>%1 from order %2 back in stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refund %1 to the customer%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Payments (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returns (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose an order to see its lines, payments and history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;span style=&apos;font-size: large&apos;&gt;&lt;b&gt;Order %1&lt;/b&gt;&lt;/span&gt; · %2 · %3 · &lt;b&gt;%4&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Subtotal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>discounts %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tax %1 included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tax %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;total %1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refunded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;span style=&apos;color: %1&apos;&gt;&lt;b&gt;%2 due&lt;/b&gt;&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParkActions</name>
    <message>
        <location filename="../../shop_gui/views/park_actions.py" line="+30"/>
        <source>There is no order to park.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order parked (%1, %2); %3 parked at this till: F9 recalls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Place or park (F8) the order in progress before recalling another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No order is parked at this till.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PayDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/pay_dialog.py" line="+42"/>
        <source>Payment for order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Take payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the order unpaid for now; take payment from the Orders tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Less than what is due for part of it (the rest can be paid later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the exact amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The cash the customer handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>E&amp;xact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash, the exact amount due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;mount (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tendered (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quick cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cash: %1 handed over, the change worked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 still to pay (of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Order %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source> %1 still to pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source> Change: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>none (not cash)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../shop_gui/views/pin_pad.py" line="+59"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the PIN (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductActions</name>
    <message>
        <location filename="../../shop_gui/views/product_actions.py" line="+133"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+64"/>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the chosen product back in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-63"/>
        <location line="+65"/>
        <source>Take the chosen product out of the list (it stays in past orders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sold before: archive it instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+67"/>
        <source>Delete the chosen product (only one never sold)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-108"/>
        <source>New product...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a product to the catalog (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit the chosen product (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receive stock...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record a delivery of the chosen product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Adjust stock...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Correct the chosen product&apos;s stock: a count, damage, loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stock history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every stock movement of the chosen product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Delete product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Delete product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Keep product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Received %1 of %2: %3 in stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stock of %1 is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Delete %1 (%2) for good? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/product_dialog.py" line="+80"/>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choose a category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A percentage such as 20 or 17.5; blank: the category&apos;s or the shop&apos;s rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The product counts as low stock at this level or below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For sale (unticked: archived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Price (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ost price (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tax rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reorder level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening stoc&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+95"/>
        <source>There are no categories yet: add one first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <location filename="../../shop_gui/models/product_table_model.py" line="+120"/>
        <source>%1 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Out of stock: none left to sell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Low stock: reorder at %1 or fewer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/recall_dialog.py" line="+41"/>
        <source>Recall a parked order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Prices are those of now: the order is priced again when it is recalled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Recall</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/receipt_dialog.py" line="+24"/>
        <location line="+13"/>
        <source>Receipt for order %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiveStockDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/receive_stock_dialog.py" line="+20"/>
        <source>Receive stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Receive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quantity received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplier, delivery note... (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quantity received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplier / &amp;note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportChart</name>
    <message>
        <location filename="../../shop_gui/views/report_chart.py" line="+37"/>
        <source>Sales chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing sold in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sales, most %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../shop_gui/views/reports_view.py" line="+108"/>
        <source>Sales by time, product, category, staff or till; or the stock: slow movers (in stock, nothing sold in the period) and its value by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save PDF...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Perio&amp;d:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Group by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sales report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Adding up...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Stock on hand today, at price (the chart) and at cost, by category: %1 units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sales by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 to %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+14"/>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-14"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+25"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Save report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Print report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/return_dialog.py" line="+23"/>
        <source>Return items from order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Units of %1 to return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every one has been returned already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>optional: what was wrong...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order %1: how many of each are coming back?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund &amp;by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose how many of at least one product come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 back into stock; the refund is worked out from what was paid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SalesReportModel</name>
    <message>
        <location filename="../../shop_gui/models/sales_report_model.py" line="+105"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/settings_dialog.py" line="+16"/>
        <source>Shop settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Street, town, postcode: one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The ISO 4217 code: GBP, EUR, USD...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shown with every amount: £, €, $, CHF ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For products and categories without a rate of their own, e.g. 20 or 17.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prices include tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ticked: prices as entered contain the tax (shops selling to the public). Unticked: tax is added at the till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Shop &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Currency code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency &amp;symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;tax rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The name and address are printed at the top of every receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Three letters, such as GBP or EUR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shop needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The currency symbol cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A percentage from 0 to 100, such as 20 or 17.5.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShopBridge</name>
    <message>
        <location filename="../../shop_gui/bridge.py" line="+187"/>
        <source>Please try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../shop_gui/views/sign_in_screen.py" line="+50"/>
        <location line="+32"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign in (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+126"/>
        <source>%1, type your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose your name first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffActions</name>
    <message>
        <location filename="../../shop_gui/views/staff_actions.py" line="+56"/>
        <source>S&amp;taff...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add staff, change roles and PINs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;witch user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign out and let someone else sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nobody stays signed in here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Signed in at %1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Signed in as %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/staff_dialog.py" line="+44"/>
        <location line="+5"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+51"/>
        <source>&amp;Add...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-50"/>
        <source>A new staff member, with their role and PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their name, role, whether they may sign in, a new PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign &amp;out when idle for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;Add the owner...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>0: never. A setting of this computer, not of the shop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A manager or an owner sets this (signed in at this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1&apos;s details saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffMemberDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/staff_member_dialog.py" line="+40"/>
        <source>Edit staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shop&apos;s owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ma&amp;y sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Untick for someone who has left: their name stays in the shop&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>keep the PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>4 to 8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the same again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New &amp;PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Leave the PIN blank to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>A PIN is 4 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two PINs are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Staff need a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <location filename="../../shop_gui/models/staff_model.py" line="+38"/>
        <source>no: cannot sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/stock_dialog.py" line="+29"/>
        <source>In stock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stock after</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockHistoryDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/stock_history_dialog.py" line="+26"/>
        <source>Stock history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stock movements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 has been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockValueModel</name>
    <message>
        <location filename="../../shop_gui/models/stock_report_models.py" line="+40"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillActions</name>
    <message>
        <location filename="../../shop_gui/views/till_actions.py" line="+38"/>
        <source>&amp;Open till...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start a session with a float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pay &amp;in...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Put cash into the drawer without a sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pay o&amp;ut...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Take cash out of the drawer without a refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;X report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The open session&apos;s figures so far (the till stays open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close till...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Count the drawer, end the session, print its Z report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Z reports...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Past sessions: see, save or print their Z reports again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The till is closed: open it with a float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The till opened by itself with the first sale: count the float into it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is open since %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillCashMoveDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/till_cash_move_dialog.py" line="+39"/>
        <source>such as 20.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>what it is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Amount (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Type the amount, such as 20.00.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillCloseDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/till_close_dialog.py" line="+26"/>
        <source>Close the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Count the cash in the drawer: how many of each note and coin, or type the total. What the till expects is shown once you confirm your count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the total counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm the c&amp;ount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your count is final once confirmed; then the expected cash is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>optional: why the cash is over or short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Counted &amp;total (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The till is not open: there is nothing to close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Count confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Count the notes and coins above, or type the total, then confirm the count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm the count to see what the till expects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close the till to end this session and print its Z report.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillOpenDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/till_open_dialog.py" line="+15"/>
        <source>Open the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count the cash you put in the drawer to start with: the float to give change from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>such as 100.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening &amp;float (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Type the cash in the drawer, such as 100.00 (0 for none).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillReportDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/till_report_dialog.py" line="+23"/>
        <source>X report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Till report %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillSessionsDialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/till_sessions_dialog.py" line="+22"/>
        <source>Z reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Till sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Open report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the chosen session&apos;s report, to read, save or print again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1. Choose one to see its Z report again, to save or print it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No till has been opened yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillSessionsModel</name>
    <message>
        <location filename="../../shop_gui/models/till_sessions_model.py" line="+65"/>
        <source>Still open: its report is an X report, figures so far</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WholeNumberSpinBox</name>
    <message>
        <location filename="../../shop_gui/views/number_field.py" line="+36"/>
        <source>“%1” is not a whole number: type digits only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Ask</name>
    <message>
        <location filename="../../shop_gui/views/reports_view.py" line="-341"/>
        <source>The report could not be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../shop_gui/app.py" line="+91"/>
        <source>Something went wrong. Nothing you entered was lost; the log file in the shop&apos;s folder says what happened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cart_model</name>
    <message>
        <location filename="../../shop_gui/models/cart_model.py" line="-103"/>
        <source>%1: %2 in the order, %3 in stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+120"/>
        <source>No discount: choose the line and type one below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 off this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; %1 more from the order discount</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>category_panel</name>
    <message>
        <location filename="../../shop_gui/views/category_panel.py" line="-25"/>
        <source>Category &quot;%1&quot; moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Category &quot;%1&quot; deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>customers_view</name>
    <message>
        <location filename="../../shop_gui/views/customers_view.py" line="-68"/>
        <source>%1 added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>document_dialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/document_dialog.py" line="-152"/>
        <source>No printer is set up on this computer, so the %1 cannot be printed. Use “Save as PDF...” instead, or add a printer in the system settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+183"/>
        <source>Sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../shop_gui/formatting.py" line="-183"/>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+192"/>
        <source> by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orders_model</name>
    <message>
        <location filename="../../shop_gui/models/orders_model.py" line="+252"/>
        <source>Placed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fulfilled: handed over or sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Returned %1%2: %3 refunded%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>, %1 refunded%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 back in stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing to restock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1, approved by %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orders_view</name>
    <message>
        <location filename="../../shop_gui/views/orders_view.py" line="-282"/>
        <source>All customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Order %1 fulfilled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Order %1 cancelled; its items are back in stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source> Refund %1 to the customer%2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>park_actions</name>
    <message>
        <location filename="../../shop_gui/views/park_actions.py" line="+8"/>
        <source>That order was recalled already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Order recalled and priced again: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pay_dialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/pay_dialog.py" line="+40"/>
        <source>Order %1 paid by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment for order %1 taken by %2: %3 still to pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source> Change: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>product_actions</name>
    <message>
        <location filename="../../shop_gui/views/product_actions.py" line="-79"/>
        <source>%1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>%1 restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 archived: tick “Show archived” to find it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>receipt_document</name>
    <message>
        <location filename="../../shop_gui/receipt_document.py" line="+39"/>
        <source>%1 off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&lt;b&gt;Order %1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;span style=&apos;color: %1; font-weight: bold&apos;&gt;CANCELLED&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Subtotal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order discount (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tax %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TOTAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tax included:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Still to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Thank you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>refund_method</name>
    <message>
        <location filename="../../shop_gui/dialogs/refund_method.py" line="+33"/>
        <source>Refund by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sales_report_model</name>
    <message>
        <location filename="../../shop_gui/models/sales_report_model.py" line="-70"/>
        <source>Week %1, %2 (from %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>staff_dialog</name>
    <message>
        <location filename="../../shop_gui/dialogs/staff_dialog.py" line="-13"/>
        <source>%1 added as %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>till_actions</name>
    <message>
        <location filename="../../shop_gui/views/till_actions.py" line="+11"/>
        <source>Till open with a float of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 paid in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 paid out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Till closed: Z report %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>till_report_document</name>
    <message>
        <location filename="../../shop_gui/till_report_document.py" line="+33"/>
        <source>Z report %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>X report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Z REPORT %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>X REPORT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The till is open: figures so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source> by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Closed%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Sales&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Discounts given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tax %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Returns: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Taken&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>nothing yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Refunded&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Net takings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Cash drawer&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cash taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cash refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paid out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expected cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Paid in and out&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;p align=&apos;center&apos; style=&apos;margin-top: 2px&apos;&gt;End of %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <location filename="../../shop_gui/bridge.py" line="-170"/>
        <source>Another till is holding the shop&apos;s database; nothing was changed yet. Trying again...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Something went wrong and nothing was changed. Please try again; if it happens again, the log file says what went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/keyboard_map.py" line="-53"/>
        <source>Enter (search box)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the product with this SKU or barcode, or the only match, to the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Down (search box)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go into the product list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escape (search box)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter (product list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the chosen product to the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter (Quantity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the chosen product, this many times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>F2, or a number (order lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the chosen line&apos;s quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete (order lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the chosen line out of the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tab, Shift+Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next or previous field; out of a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt+underlined letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The tab, button or field it marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/dialogs/refund_method.py" line="-22"/>
        <source>As paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../shop_gui/models/orders_model.py" line="-363"/>
        <location filename="../../shop_gui/receipt_document.py" line="-131"/>
        <location filename="../../shop_gui/till_report_document.py" line="-190"/>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/orders_model.py" line="+1"/>
        <location filename="../../shop_gui/receipt_document.py" line="+1"/>
        <location filename="../../shop_gui/till_report_document.py" line="+1"/>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/orders_model.py" line="+1"/>
        <location filename="../../shop_gui/till_report_document.py" line="+1"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As paid: back the way the order was paid (card and other payments first, cash last); or all of it in cash, to the card or another way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/cart_model.py" line="-176"/>
        <location filename="../../shop_gui/models/orders_model.py" line="+183"/>
        <location filename="../../shop_gui/models/sales_report_model.py" line="-17"/>
        <location filename="../../shop_gui/models/stock_report_models.py" line="+16"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/orders_model.py" line="+1"/>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/orders_model.py" line="+1"/>
        <location filename="../../shop_gui/models/product_table_model.py" line="-95"/>
        <location filename="../../shop_gui/models/stock_report_models.py" line="+3"/>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/orders_model.py" line="+1"/>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/orders_model.py" line="-173"/>
        <location line="+175"/>
        <location filename="../../shop_gui/models/sales_report_model.py" line="+43"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/customers_model.py" line="+17"/>
        <location filename="../../shop_gui/models/low_stock_model.py" line="+14"/>
        <location filename="../../shop_gui/models/product_table_model.py" line="-1"/>
        <location filename="../../shop_gui/models/staff_model.py" line="-24"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/sales_report_model.py" line="-6"/>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/low_stock_model.py" line="-1"/>
        <location filename="../../shop_gui/models/orders_model.py" line="-6"/>
        <location filename="../../shop_gui/models/product_table_model.py" line="-1"/>
        <location filename="../../shop_gui/models/rejected_rows_model.py" line="+14"/>
        <location filename="../../shop_gui/models/stock_report_models.py" line="-4"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../shop_gui/models/sales_report_model.py" line="-36"/>
        <location filename="../../shop_gui/models/stock_report_models.py" line="-39"/>
        <location line="+41"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/product_table_model.py" line="+3"/>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reorder at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/orders_model.py" line="-173"/>
        <location filename="../../shop_gui/models/stock_history_model.py" line="+31"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+230"/>
        <location line="+26"/>
        <location line="+70"/>
        <location filename="../../shop_gui/models/stock_history_model.py" line="-5"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-325"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+255"/>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-253"/>
        <location filename="../../shop_gui/texts.py" line="+31"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+172"/>
        <location filename="../../shop_gui/models/sales_report_model.py" line="+41"/>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../shop_gui/models/sales_report_model.py" line="+5"/>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <location filename="../../shop_gui/models/rejected_rows_model.py" line="+1"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+68"/>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/stock_history_model.py" line="+6"/>
        <location filename="../../shop_gui/models/till_sessions_model.py" line="-41"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/rejected_rows_model.py" line="-2"/>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/sales_report_model.py" line="-51"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/till_sessions_model.py" line="-3"/>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <location filename="../../shop_gui/models/stock_report_models.py" line="-39"/>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gross</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shop_gui/models/stock_report_models.py" line="+3"/>
        <source>Units without cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/staff_model.py" line="+1"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/stock_history_model.py" line="-5"/>
        <source>Movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason / note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/stock_report_models.py" line="-4"/>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>In stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stock at price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/models/till_sessions_model.py" line="+1"/>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/receipt_document.py" line="+1"/>
        <source>Other payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/report_presets.py" line="+10"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/texts.py" line="-1"/>
        <source>Placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fulfilled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/views/customer_picker.py" line="-46"/>
        <source>Who the order is for: type part of a name, phone number or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/views/order_form.py" line="-483"/>
        <source>10% or 1.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A discount is a percentage such as 10% or an amount such as 1.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/views/reports_view.py" line="-27"/>
        <source>Slow movers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stock value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled orders count nowhere here, so a day can differ from that day&apos;s Z report once one of its orders is cancelled later: the Z report shows the cancellation in the till session where it happened. Returns count on the day they were taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shop_gui/views/sign_in_screen.py" line="-179"/>
        <source>Choose your name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PIN is 4 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
