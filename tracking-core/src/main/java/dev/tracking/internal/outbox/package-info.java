/**
 * The outbox's storage side (not API): the {@code tracking_outbox} table over JDBC ({@code OutboxStore},
 * {@code OutboxClaims}), the group-commit {@code OutboxWriter}, and {@code OutboxCodec}, which stores messages as
 * JSON that reads back into messages the destinations encode byte for byte the same. The engine that routes to it
 * and sends from it lives in {@code dev.tracking.internal}.
 */
package dev.tracking.internal.outbox;
