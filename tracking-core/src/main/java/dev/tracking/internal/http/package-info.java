/**
 * What the destinations share about HTTP beyond sending a request: reading server-requested waits
 * ({@link dev.tracking.internal.http.RetryAfter}), naming failures
 * ({@link dev.tracking.internal.http.TransportFailures}, and
 * {@link dev.tracking.internal.http.UnexpectedResponse} for a success status with a body that is not the vendor's)
 * and building URLs safely ({@link dev.tracking.internal.http.Urls}). Not public API: meant for the vendors'
 * packages ({@code outlit}, {@code lotus}) and the delivery pipeline.
 */
package dev.tracking.internal.http;
