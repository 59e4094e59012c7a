/**
 * The transactional outbox: with it on, "accepted" means "in the application's database". Inside a transaction an
 * event's rows are written in that transaction and exist only if it commits; outside one, they are written before
 * {@code track()} returns. Sender threads of any instance sharing the database claim rows, send them with their
 * original ids and timestamps, and delete them once the destination acknowledged them.
 *
 * <p>{@link dev.tracking.outbox.OutboxOptions} turns it on ({@code TrackerBuilder.outbox(…)}); {@link
 * dev.tracking.outbox.OutboxTransactions} is how a framework lets the outbox join its transactions;
 * {@link dev.tracking.outbox.Outbox} reads the table's state and replays failed rows.
 */
package dev.tracking.outbox;
