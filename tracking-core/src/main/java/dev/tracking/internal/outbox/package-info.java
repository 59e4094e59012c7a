/**
 * The transactional outbox's engine (not API). {@code OutboxEngine} routes the covered destinations' messages to
 * the {@code tracking_outbox} table, joined to the caller's transaction or through the group-commit
 * {@code OutboxWriter}, and answers {@code Tracker.outbox()} ({@code OutboxState}); {@code OutboxRelays} runs one
 * {@code OutboxRelay} per covered destination, which claims rows ({@code ClaimedBatch}), sends them through the
 * delivery pipeline's {@code BatchDelivery} and settles them ({@code RelayOutcomes}), while {@code OutboxCounter}
 * counts the table's pending rows for {@code OutboxLaneStats}. The table's JDBC side is {@code OutboxStore} and
 * {@code OutboxClaims}; {@code OutboxCodec} stores messages as JSON that reads back into messages the destinations
 * encode byte for byte the same.
 */
package dev.tracking.internal.outbox;
