/**
 * What the destinations share about HTTP beyond sending a request: reading server-requested waits
 * ({@link dev.tracking.internal.transport.RetryAfter}), naming failures
 * ({@link dev.tracking.internal.transport.TransportFailures}) and building URLs safely
 * ({@link dev.tracking.internal.transport.Urls}). Not public API.
 */
package dev.tracking.internal.transport;
