-- Tables of the tracking local backend's JDBC store (H2). Safe to run again.
CREATE TABLE IF NOT EXISTS tracking_customer (
    customer_id VARCHAR(255) NOT NULL PRIMARY KEY,
    name VARCHAR(255),
    email VARCHAR(320),
    email_key VARCHAR(320) UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS tracking_subscription (
    subscription_id VARCHAR(64) NOT NULL PRIMARY KEY,
    customer_id VARCHAR(255) NOT NULL REFERENCES tracking_customer (customer_id),
    plan_id VARCHAR(255) NOT NULL,
    start_at BIGINT NOT NULL,
    ends_at BIGINT,
    created_at BIGINT NOT NULL
);

CREATE INDEX IF NOT EXISTS tracking_subscription_customer_ix ON tracking_subscription (customer_id);

CREATE TABLE IF NOT EXISTS tracking_usage (
    customer_id VARCHAR(255) NOT NULL,
    event_name VARCHAR(255) NOT NULL,
    period CHAR(7) NOT NULL,
    used BIGINT NOT NULL,
    PRIMARY KEY (customer_id, event_name, period)
);
