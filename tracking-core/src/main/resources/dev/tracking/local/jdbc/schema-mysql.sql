-- Tables of the tracking local backend's JDBC store (MySQL 8 and MariaDB 10.5+, InnoDB). Safe to run again.
CREATE TABLE IF NOT EXISTS tracking_customer (
    customer_id VARCHAR(255) NOT NULL PRIMARY KEY,
    name VARCHAR(255),
    email VARCHAR(320),
    email_key VARCHAR(320) UNIQUE,
    created_at BIGINT NOT NULL
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS tracking_subscription (
    subscription_id VARCHAR(64) NOT NULL PRIMARY KEY,
    customer_id VARCHAR(255) NOT NULL,
    plan_id VARCHAR(255) NOT NULL,
    start_at BIGINT NOT NULL,
    ends_at BIGINT,
    created_at BIGINT NOT NULL,
    INDEX tracking_subscription_customer_ix (customer_id),
    CONSTRAINT tracking_subscription_customer_fk FOREIGN KEY (customer_id) REFERENCES tracking_customer (customer_id)
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS tracking_usage (
    customer_id VARCHAR(255) NOT NULL,
    event_name VARCHAR(255) NOT NULL,
    period CHAR(7) NOT NULL,
    used BIGINT NOT NULL,
    PRIMARY KEY (customer_id, event_name, period)
) ENGINE = InnoDB;
