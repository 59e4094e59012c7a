-- The tracking outbox (MySQL 8 and MariaDB 10.6+, InnoDB): one row per message per covered destination.
-- Safe to run again. SKIP LOCKED needs MySQL 8.0.1 or MariaDB 10.6. The table is utf8mb4 whatever the database's
-- default: INSERT IGNORE would turn characters a narrower charset lacks into '?' instead of failing.
CREATE TABLE IF NOT EXISTS tracking_outbox (
    seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    destination VARCHAR(64) NOT NULL,
    message_id CHAR(36) NOT NULL,
    payload MEDIUMTEXT NOT NULL,
    created_at BIGINT NOT NULL,
    claimed_by VARCHAR(64),
    claimed_until BIGINT,
    attempts INT NOT NULL DEFAULT 0,
    failed_reason VARCHAR(64),
    failed_detail VARCHAR(1000),
    failed_at BIGINT,
    CONSTRAINT tracking_outbox_message_uq UNIQUE (destination, message_id),
    INDEX tracking_outbox_due_ix (destination, failed_reason, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
