-- A shop written by Shop Manager with schema version 2 (before orders had
-- payments, customers and tax): trade_a_day() of tests/integration/conftest.py.
BEGIN TRANSACTION;
CREATE TABLE category (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	parent_id INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(parent_id) REFERENCES category (id)
);
INSERT INTO "category" VALUES(1,'Kitchen',NULL);
INSERT INTO "category" VALUES(2,'Mugs',1);
INSERT INTO "category" VALUES(3,'Garden',NULL);
CREATE TABLE order_line (
	id INTEGER NOT NULL, 
	order_id INTEGER NOT NULL, 
	product_id INTEGER NOT NULL, 
	sku VARCHAR(64) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	quantity INTEGER NOT NULL, 
	unit_price_cents BIGINT NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT quantity_positive CHECK (quantity > 0), 
	FOREIGN KEY(order_id) REFERENCES shop_order (id), 
	FOREIGN KEY(product_id) REFERENCES product (id)
);
INSERT INTO "order_line" VALUES(1,1,1,'MUG-BLUE','Blue Enamel Mug',2,850);
INSERT INTO "order_line" VALUES(2,1,3,'GRD-TRW','Robert''); DROP TABLE product;--',1,1200);
INSERT INTO "order_line" VALUES(3,2,2,'TEA-01','Café Teapot',3,2499);
INSERT INTO "order_line" VALUES(4,3,1,'MUG-BLUE','Blue Enamel Mug',1,850);
INSERT INTO "order_line" VALUES(5,3,2,'TEA-01','Café Teapot',1,2499);
CREATE TABLE outbox (
	position INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	event_type VARCHAR(64) NOT NULL, 
	payload TEXT NOT NULL, 
	recorded_at VARCHAR(32) NOT NULL
);
INSERT INTO "outbox" VALUES(1,'CategoryAdded','{"category_id": 1, "name": "Kitchen", "parent_id": null}','2024-05-01T09:01:00+00:00');
INSERT INTO "outbox" VALUES(2,'CategoryAdded','{"category_id": 2, "name": "Mugs", "parent_id": 1}','2024-05-01T09:02:00+00:00');
INSERT INTO "outbox" VALUES(3,'CategoryAdded','{"category_id": 3, "name": "Garden", "parent_id": null}','2024-05-01T09:03:00+00:00');
INSERT INTO "outbox" VALUES(4,'ProductAdded','{"product_id": 1, "sku": "MUG-BLUE", "name": "Blue Enamel Mug", "category_id": 2, "price_cents": 850, "stock": 10, "barcode": "5012345678900", "reorder_level": 2, "cost_price_cents": null, "tax_rate_bp": null, "active": true}','2024-05-01T09:04:00+00:00');
INSERT INTO "outbox" VALUES(5,'ProductAdded','{"product_id": 2, "sku": "TEA-01", "name": "Café Teapot", "category_id": 1, "price_cents": 2499, "stock": 3, "barcode": null, "reorder_level": 0, "cost_price_cents": null, "tax_rate_bp": null, "active": true}','2024-05-01T09:05:00+00:00');
INSERT INTO "outbox" VALUES(6,'ProductAdded','{"product_id": 3, "sku": "GRD-TRW", "name": "Robert''); DROP TABLE product;--", "category_id": 3, "price_cents": 1200, "stock": 7, "barcode": null, "reorder_level": 0, "cost_price_cents": null, "tax_rate_bp": null, "active": true}','2024-05-01T09:06:00+00:00');
INSERT INTO "outbox" VALUES(7,'OrderPlaced','{"order_id": 1, "placed_at": "2024-05-01T09:07:00+00:00", "total_cents": 2900, "lines": [{"product_id": 1, "sku": "MUG-BLUE", "name": "Blue Enamel Mug", "quantity": 2, "unit_price_cents": 850, "stock_after": 8}, {"product_id": 3, "sku": "GRD-TRW", "name": "Robert''); DROP TABLE product;--", "quantity": 1, "unit_price_cents": 1200, "stock_after": 6}]}','2024-05-01T09:07:00+00:00');
INSERT INTO "outbox" VALUES(8,'OrderPlaced','{"order_id": 2, "placed_at": "2024-05-01T09:08:00+00:00", "total_cents": 7497, "lines": [{"product_id": 2, "sku": "TEA-01", "name": "Café Teapot", "quantity": 3, "unit_price_cents": 2499, "stock_after": 0}]}','2024-05-01T09:08:00+00:00');
INSERT INTO "outbox" VALUES(9,'OrderCancelled','{"order_id": 2, "cancelled_at": "2024-05-01T09:09:00+00:00", "restocked": [{"product_id": 2, "quantity": 3, "stock_after": 3}]}','2024-05-01T09:09:00+00:00');
INSERT INTO "outbox" VALUES(10,'StockReceived','{"product_id": 3, "quantity": 5, "stock_after": 11, "note": ""}','2024-05-01T09:10:00+00:00');
INSERT INTO "outbox" VALUES(11,'OrderPlaced','{"order_id": 3, "placed_at": "2024-05-01T09:11:00+00:00", "total_cents": 3349, "lines": [{"product_id": 1, "sku": "MUG-BLUE", "name": "Blue Enamel Mug", "quantity": 1, "unit_price_cents": 850, "stock_after": 7}, {"product_id": 2, "sku": "TEA-01", "name": "Café Teapot", "quantity": 1, "unit_price_cents": 2499, "stock_after": 2}]}','2024-05-01T09:11:00+00:00');
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
INSERT INTO "product" VALUES(1,'MUG-BLUE','5012345678900','Blue Enamel Mug',2,850,7,2,NULL,NULL,1);
INSERT INTO "product" VALUES(2,'TEA-01',NULL,'Café Teapot',1,2499,2,0,NULL,NULL,1);
INSERT INTO "product" VALUES(3,'GRD-TRW',NULL,'Robert''); DROP TABLE product;--',3,1200,11,0,NULL,NULL,1);
CREATE TABLE schema_info (
	version INTEGER NOT NULL, 
	PRIMARY KEY (version)
);
INSERT INTO "schema_info" VALUES(2);
CREATE TABLE shop_order (
	id INTEGER NOT NULL, 
	placed_at VARCHAR(32) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	total_cents BIGINT NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "shop_order" VALUES(1,'2024-05-01T09:07:00+00:00','placed',2900);
INSERT INTO "shop_order" VALUES(2,'2024-05-01T09:08:00+00:00','cancelled',7497);
INSERT INTO "shop_order" VALUES(3,'2024-05-01T09:11:00+00:00','placed',3349);
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
INSERT INTO "stock_movement" VALUES(1,1,'2024-05-01T09:04:00+00:00','received',10,10,NULL,'Opening stock',NULL);
INSERT INTO "stock_movement" VALUES(2,2,'2024-05-01T09:05:00+00:00','received',3,3,NULL,'Opening stock',NULL);
INSERT INTO "stock_movement" VALUES(3,3,'2024-05-01T09:06:00+00:00','received',7,7,NULL,'Opening stock',NULL);
INSERT INTO "stock_movement" VALUES(4,1,'2024-05-01T09:07:00+00:00','sold',-2,8,NULL,NULL,1);
INSERT INTO "stock_movement" VALUES(5,3,'2024-05-01T09:07:00+00:00','sold',-1,6,NULL,NULL,1);
INSERT INTO "stock_movement" VALUES(6,2,'2024-05-01T09:08:00+00:00','sold',-3,0,NULL,NULL,2);
INSERT INTO "stock_movement" VALUES(7,2,'2024-05-01T09:09:00+00:00','cancelled',3,3,NULL,NULL,2);
INSERT INTO "stock_movement" VALUES(8,3,'2024-05-01T09:10:00+00:00','received',5,11,NULL,NULL,NULL);
INSERT INTO "stock_movement" VALUES(9,1,'2024-05-01T09:11:00+00:00','sold',-1,7,NULL,NULL,3);
INSERT INTO "stock_movement" VALUES(10,2,'2024-05-01T09:11:00+00:00','sold',-1,2,NULL,NULL,3);
CREATE INDEX ix_category_parent_id ON category (parent_id);
CREATE INDEX ix_product_category_id ON product (category_id);
CREATE INDEX ix_order_line_order_id ON order_line (order_id);
CREATE INDEX ix_stock_movement_product_id ON stock_movement (product_id);
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('outbox',11);
COMMIT;
