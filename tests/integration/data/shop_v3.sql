-- A shop written by Shop Manager with schema version 3 (before staff, tills and
-- costs at the time of sale): trade_a_day() of tests/integration/conftest.py,
-- then a customer's order paid by card and cash, a return, and a card payment.
BEGIN TRANSACTION;
CREATE TABLE category (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	parent_id INTEGER, 
	tax_rate_bp INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(parent_id) REFERENCES category (id)
);
INSERT INTO "category" VALUES(1,'Kitchen',NULL,NULL);
INSERT INTO "category" VALUES(2,'Mugs',1,NULL);
INSERT INTO "category" VALUES(3,'Garden',NULL,NULL);
CREATE TABLE customer (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	phone VARCHAR(32), 
	email VARCHAR(254), 
	note VARCHAR(1000), 
	added_at VARCHAR(32) NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "customer" VALUES(1,'Jane Smith',NULL,'jane@example.com',NULL,'2024-03-01T09:00:00+00:00');
CREATE TABLE order_line (
	id INTEGER NOT NULL, 
	order_id INTEGER NOT NULL, 
	product_id INTEGER NOT NULL, 
	sku VARCHAR(64) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	quantity INTEGER NOT NULL, 
	unit_price_cents BIGINT NOT NULL, 
	discount_kind VARCHAR(16), 
	discount_value BIGINT, 
	line_discount_cents BIGINT DEFAULT 0 NOT NULL, 
	order_discount_cents BIGINT DEFAULT 0 NOT NULL, 
	tax_rate_bp INTEGER DEFAULT 0 NOT NULL, 
	tax_cents BIGINT DEFAULT 0 NOT NULL, 
	returned_quantity INTEGER DEFAULT 0 NOT NULL, 
	refunded_cents BIGINT DEFAULT 0 NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT quantity_positive CHECK (quantity > 0), 
	CONSTRAINT returned_within_sold CHECK (returned_quantity >= 0 AND returned_quantity <= quantity), 
	FOREIGN KEY(order_id) REFERENCES shop_order (id), 
	FOREIGN KEY(product_id) REFERENCES product (id)
);
INSERT INTO "order_line" VALUES(1,1,1,'MUG-BLUE','Blue Enamel Mug',2,850,NULL,NULL,0,0,2000,283,0,0);
INSERT INTO "order_line" VALUES(2,1,3,'GRD-TRW','Robert''); DROP TABLE product;--',1,1200,NULL,NULL,0,0,2000,200,0,0);
INSERT INTO "order_line" VALUES(3,2,2,'TEA-01','Café Teapot',3,2499,NULL,NULL,0,0,2000,1250,0,0);
INSERT INTO "order_line" VALUES(4,3,1,'MUG-BLUE','Blue Enamel Mug',1,850,NULL,NULL,0,0,2000,142,0,0);
INSERT INTO "order_line" VALUES(5,3,2,'TEA-01','Café Teapot',1,2499,NULL,NULL,0,0,2000,417,0,0);
INSERT INTO "order_line" VALUES(6,4,1,'MUG-BLUE','Blue Enamel Mug',2,850,NULL,NULL,0,0,2000,283,1,850);
CREATE TABLE order_return (
	id INTEGER NOT NULL, 
	order_id INTEGER NOT NULL, 
	at VARCHAR(32) NOT NULL, 
	reason VARCHAR(32) NOT NULL, 
	note VARCHAR(200), 
	refund_cents BIGINT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(order_id) REFERENCES shop_order (id)
);
INSERT INTO "order_return" VALUES(1,4,'2024-03-01T09:00:00+00:00','faulty','Chipped',850);
CREATE TABLE order_return_line (
	id INTEGER NOT NULL, 
	return_id INTEGER NOT NULL, 
	order_line_id INTEGER NOT NULL, 
	product_id INTEGER NOT NULL, 
	quantity INTEGER NOT NULL, 
	refund_cents BIGINT NOT NULL, 
	tax_cents BIGINT NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT return_quantity_positive CHECK (quantity > 0), 
	FOREIGN KEY(return_id) REFERENCES order_return (id), 
	FOREIGN KEY(order_line_id) REFERENCES order_line (id), 
	FOREIGN KEY(product_id) REFERENCES product (id)
);
INSERT INTO "order_return_line" VALUES(1,1,6,1,1,850,142);
CREATE TABLE outbox (
	position INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	event_type VARCHAR(64) NOT NULL, 
	payload TEXT NOT NULL, 
	recorded_at VARCHAR(32) NOT NULL
);
INSERT INTO "outbox" VALUES(1,'CategoryAdded','{"category_id":1,"name":"Kitchen","parent_id":null}','2024-03-01T09:00:00+00:00');
INSERT INTO "outbox" VALUES(2,'CategoryAdded','{"category_id":2,"name":"Mugs","parent_id":1}','2024-03-01T09:00:00+00:00');
INSERT INTO "outbox" VALUES(3,'CategoryAdded','{"category_id":3,"name":"Garden","parent_id":null}','2024-03-01T09:00:00+00:00');
INSERT INTO "outbox" VALUES(4,'ProductAdded','{"class_version":2,"product_id":1,"sku":"MUG-BLUE","name":"Blue Enamel Mug","category_id":2,"price_cents":850,"stock":10,"barcode":"5012345678900","reorder_level":2,"cost_price_cents":null,"tax_rate_bp":null,"active":true}','2024-03-01T09:00:00+00:00');
INSERT INTO "outbox" VALUES(5,'ProductAdded','{"class_version":2,"product_id":2,"sku":"TEA-01","name":"Café Teapot","category_id":1,"price_cents":2499,"stock":3,"barcode":null,"reorder_level":0,"cost_price_cents":null,"tax_rate_bp":null,"active":true}','2024-03-01T09:00:00+00:00');
INSERT INTO "outbox" VALUES(6,'ProductAdded','{"class_version":2,"product_id":3,"sku":"GRD-TRW","name":"Robert''); DROP TABLE product;--","category_id":3,"price_cents":1200,"stock":7,"barcode":null,"reorder_level":0,"cost_price_cents":null,"tax_rate_bp":null,"active":true}','2024-03-01T09:00:00+00:00');
INSERT INTO "outbox" VALUES(7,'OrderPlaced','{"class_version":2,"order_id":1,"placed_at":"2024-03-01T09:00:00+00:00","total_cents":2900,"lines":[{"product_id":1,"sku":"MUG-BLUE","name":"Blue Enamel Mug","quantity":2,"unit_price_cents":850,"stock_after":8,"discount":null,"line_discount_cents":0,"order_discount_cents":0,"tax_rate_bp":2000,"tax_cents":283},{"product_id":3,"sku":"GRD-TRW","name":"Robert''); DROP TABLE product;--","quantity":1,"unit_price_cents":1200,"stock_after":6,"discount":null,"line_discount_cents":0,"order_discount_cents":0,"tax_rate_bp":2000,"tax_cents":200}],"customer_id":null,"prices_include_tax":true,"subtotal_cents":2900,"discount_cents":0,"tax_cents":483,"order_discount":null}','2024-03-01T09:00:00+00:00');
INSERT INTO "outbox" VALUES(8,'OrderPlaced','{"class_version":2,"order_id":2,"placed_at":"2024-03-01T09:00:00+00:00","total_cents":7497,"lines":[{"product_id":2,"sku":"TEA-01","name":"Café Teapot","quantity":3,"unit_price_cents":2499,"stock_after":0,"discount":null,"line_discount_cents":0,"order_discount_cents":0,"tax_rate_bp":2000,"tax_cents":1250}],"customer_id":null,"prices_include_tax":true,"subtotal_cents":7497,"discount_cents":0,"tax_cents":1250,"order_discount":null}','2024-03-01T09:00:00+00:00');
INSERT INTO "outbox" VALUES(9,'OrderCancelled','{"class_version":2,"order_id":2,"cancelled_at":"2024-03-01T09:00:00+00:00","restocked":[{"product_id":2,"quantity":3,"stock_after":3}],"refund_cents":0,"refunded_cents":0}','2024-03-01T09:00:00+00:00');
INSERT INTO "outbox" VALUES(10,'StockReceived','{"class_version":2,"product_id":3,"quantity":5,"stock_after":11,"note":""}','2024-03-01T09:00:00+00:00');
INSERT INTO "outbox" VALUES(11,'OrderPlaced','{"class_version":2,"order_id":3,"placed_at":"2024-03-01T09:00:00+00:00","total_cents":3349,"lines":[{"product_id":1,"sku":"MUG-BLUE","name":"Blue Enamel Mug","quantity":1,"unit_price_cents":850,"stock_after":7,"discount":null,"line_discount_cents":0,"order_discount_cents":0,"tax_rate_bp":2000,"tax_cents":142},{"product_id":2,"sku":"TEA-01","name":"Café Teapot","quantity":1,"unit_price_cents":2499,"stock_after":2,"discount":null,"line_discount_cents":0,"order_discount_cents":0,"tax_rate_bp":2000,"tax_cents":417}],"customer_id":null,"prices_include_tax":true,"subtotal_cents":3349,"discount_cents":0,"tax_cents":559,"order_discount":null}','2024-03-01T09:00:00+00:00');
INSERT INTO "outbox" VALUES(12,'CustomerAdded','{"customer_id":1,"name":"Jane Smith","phone":null,"email":"jane@example.com","note":null,"added_at":"2024-03-01T09:00:00+00:00"}','2024-03-01T09:00:00+00:00');
INSERT INTO "outbox" VALUES(13,'OrderPlaced','{"class_version":2,"order_id":4,"placed_at":"2024-03-01T09:00:00+00:00","total_cents":1700,"lines":[{"product_id":1,"sku":"MUG-BLUE","name":"Blue Enamel Mug","quantity":2,"unit_price_cents":850,"stock_after":5,"discount":null,"line_discount_cents":0,"order_discount_cents":0,"tax_rate_bp":2000,"tax_cents":283}],"customer_id":1,"prices_include_tax":true,"subtotal_cents":1700,"discount_cents":0,"tax_cents":283,"order_discount":null}','2024-03-01T09:00:00+00:00');
INSERT INTO "outbox" VALUES(14,'PaymentRecorded','{"payment_id":1,"order_id":4,"at":"2024-03-01T09:00:00+00:00","method":"card","amount_cents":1000,"tendered_cents":null,"change_cents":null,"paid_cents":1000,"status":"placed"}','2024-03-01T09:00:00+00:00');
INSERT INTO "outbox" VALUES(15,'PaymentRecorded','{"payment_id":2,"order_id":4,"at":"2024-03-01T09:00:00+00:00","method":"cash","amount_cents":700,"tendered_cents":2000,"change_cents":1300,"paid_cents":1700,"status":"paid"}','2024-03-01T09:00:00+00:00');
INSERT INTO "outbox" VALUES(16,'ItemsReturned','{"return_id":1,"order_id":4,"at":"2024-03-01T09:00:00+00:00","reason":"faulty","note":"Chipped","refund_cents":850,"refunded_cents":850,"lines":[{"product_id":1,"quantity":1,"refund_cents":850,"tax_cents":142,"returned_quantity":1,"refunded_cents":850,"stock_after":6}]}','2024-03-01T09:00:00+00:00');
INSERT INTO "outbox" VALUES(17,'PaymentRecorded','{"payment_id":3,"order_id":3,"at":"2024-03-01T09:00:00+00:00","method":"card","amount_cents":3349,"tendered_cents":null,"change_cents":null,"paid_cents":3349,"status":"paid"}','2024-03-01T09:00:00+00:00');
CREATE TABLE payment (
	id INTEGER NOT NULL, 
	order_id INTEGER NOT NULL, 
	at VARCHAR(32) NOT NULL, 
	method VARCHAR(16) NOT NULL, 
	amount_cents BIGINT NOT NULL, 
	tendered_cents BIGINT, 
	change_cents BIGINT, 
	PRIMARY KEY (id), 
	CONSTRAINT payment_not_negative CHECK (amount_cents >= 0), 
	FOREIGN KEY(order_id) REFERENCES shop_order (id)
);
INSERT INTO "payment" VALUES(1,4,'2024-03-01T09:00:00+00:00','card',1000,NULL,NULL);
INSERT INTO "payment" VALUES(2,4,'2024-03-01T09:00:00+00:00','cash',700,2000,1300);
INSERT INTO "payment" VALUES(3,3,'2024-03-01T09:00:00+00:00','card',3349,NULL,NULL);
CREATE TABLE product (
	id INTEGER NOT NULL, 
	sku VARCHAR(64) NOT NULL, 
	barcode VARCHAR(64), 
	name VARCHAR(200) NOT NULL, 
	category_id INTEGER NOT NULL, 
	price_cents BIGINT NOT NULL, 
	stock INTEGER NOT NULL, 
	reorder_level INTEGER NOT NULL, 
	cost_price_cents BIGINT, 
	tax_rate_bp INTEGER, 
	active BOOLEAN DEFAULT 1 NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT stock_not_negative CHECK (stock >= 0), 
	CONSTRAINT price_not_negative CHECK (price_cents >= 0), 
	UNIQUE (sku), 
	UNIQUE (barcode), 
	FOREIGN KEY(category_id) REFERENCES category (id)
);
INSERT INTO "product" VALUES(1,'MUG-BLUE','5012345678900','Blue Enamel Mug',2,850,6,2,NULL,NULL,1);
INSERT INTO "product" VALUES(2,'TEA-01',NULL,'Café Teapot',1,2499,2,0,NULL,NULL,1);
INSERT INTO "product" VALUES(3,'GRD-TRW',NULL,'Robert''); DROP TABLE product;--',3,1200,11,0,NULL,NULL,1);
CREATE TABLE schema_info (
	version INTEGER NOT NULL, 
	PRIMARY KEY (version)
);
INSERT INTO "schema_info" VALUES(3);
CREATE TABLE shop_order (
	id INTEGER NOT NULL, 
	placed_at VARCHAR(32) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	total_cents BIGINT NOT NULL, 
	customer_id INTEGER, 
	request_id VARCHAR(64), 
	prices_include_tax BOOLEAN DEFAULT 1 NOT NULL, 
	subtotal_cents BIGINT DEFAULT 0 NOT NULL, 
	discount_cents BIGINT DEFAULT 0 NOT NULL, 
	tax_cents BIGINT DEFAULT 0 NOT NULL, 
	discount_kind VARCHAR(16), 
	discount_value BIGINT, 
	paid_cents BIGINT DEFAULT 0 NOT NULL, 
	refunded_cents BIGINT DEFAULT 0 NOT NULL, 
	fulfilled_at VARCHAR(32), 
	cancelled_at VARCHAR(32), 
	cancel_refund_cents BIGINT, 
	PRIMARY KEY (id), 
	CONSTRAINT paid_within_total CHECK (paid_cents >= 0 AND paid_cents <= total_cents), 
	CONSTRAINT refund_within_paid CHECK (refunded_cents >= 0 AND refunded_cents <= paid_cents), 
	FOREIGN KEY(customer_id) REFERENCES customer (id)
);
INSERT INTO "shop_order" VALUES(1,'2024-03-01T09:00:00+00:00','placed',2900,NULL,NULL,1,2900,0,483,NULL,NULL,0,0,NULL,NULL,NULL);
INSERT INTO "shop_order" VALUES(2,'2024-03-01T09:00:00+00:00','cancelled',7497,NULL,NULL,1,7497,0,1250,NULL,NULL,0,0,NULL,'2024-03-01T09:00:00+00:00',0);
INSERT INTO "shop_order" VALUES(3,'2024-03-01T09:00:00+00:00','paid',3349,NULL,NULL,1,3349,0,559,NULL,NULL,3349,0,NULL,NULL,NULL);
INSERT INTO "shop_order" VALUES(4,'2024-03-01T09:00:00+00:00','paid',1700,1,NULL,1,1700,0,283,NULL,NULL,1700,850,NULL,NULL,NULL);
CREATE TABLE shop_setting (
	"key" VARCHAR(64) NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY ("key")
);
CREATE TABLE stock_movement (
	id INTEGER NOT NULL, 
	product_id INTEGER NOT NULL, 
	at VARCHAR(32) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	quantity INTEGER NOT NULL, 
	stock_after INTEGER NOT NULL, 
	reason VARCHAR(32), 
	note VARCHAR(200), 
	order_id INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(product_id) REFERENCES product (id)
);
INSERT INTO "stock_movement" VALUES(1,1,'2024-03-01T09:00:00+00:00','received',10,10,NULL,'Opening stock',NULL);
INSERT INTO "stock_movement" VALUES(2,2,'2024-03-01T09:00:00+00:00','received',3,3,NULL,'Opening stock',NULL);
INSERT INTO "stock_movement" VALUES(3,3,'2024-03-01T09:00:00+00:00','received',7,7,NULL,'Opening stock',NULL);
INSERT INTO "stock_movement" VALUES(4,1,'2024-03-01T09:00:00+00:00','sold',-2,8,NULL,NULL,1);
INSERT INTO "stock_movement" VALUES(5,3,'2024-03-01T09:00:00+00:00','sold',-1,6,NULL,NULL,1);
INSERT INTO "stock_movement" VALUES(6,2,'2024-03-01T09:00:00+00:00','sold',-3,0,NULL,NULL,2);
INSERT INTO "stock_movement" VALUES(7,2,'2024-03-01T09:00:00+00:00','cancelled',3,3,NULL,NULL,2);
INSERT INTO "stock_movement" VALUES(8,3,'2024-03-01T09:00:00+00:00','received',5,11,NULL,NULL,NULL);
INSERT INTO "stock_movement" VALUES(9,1,'2024-03-01T09:00:00+00:00','sold',-1,7,NULL,NULL,3);
INSERT INTO "stock_movement" VALUES(10,2,'2024-03-01T09:00:00+00:00','sold',-1,2,NULL,NULL,3);
INSERT INTO "stock_movement" VALUES(11,1,'2024-03-01T09:00:00+00:00','sold',-2,5,NULL,NULL,4);
INSERT INTO "stock_movement" VALUES(12,1,'2024-03-01T09:00:00+00:00','returned',1,6,'faulty','Chipped',4);
CREATE INDEX ix_category_parent_id ON category (parent_id);
CREATE INDEX ix_product_category_id ON product (category_id);
CREATE UNIQUE INDEX ix_shop_order_request_id ON shop_order (request_id);
CREATE INDEX ix_shop_order_customer_id ON shop_order (customer_id);
CREATE INDEX ix_order_line_order_id ON order_line (order_id);
CREATE INDEX ix_payment_order_id ON payment (order_id);
CREATE INDEX ix_order_return_order_id ON order_return (order_id);
CREATE INDEX ix_stock_movement_product_id ON stock_movement (product_id);
CREATE INDEX ix_order_return_line_return_id ON order_return_line (return_id);
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('outbox',17);
COMMIT;
