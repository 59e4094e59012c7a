/**
 * The transactional outbox on Spring's transactions: {@link dev.tracking.spring.outbox.SpringOutboxTransactions}
 * writes the events of a transaction on its own connection at commit, and drops them on rollback.
 */
package dev.tracking.spring.outbox;
