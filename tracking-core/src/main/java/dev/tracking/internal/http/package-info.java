/**
 * HTTP pieces shared by the destinations and clients: {@link dev.tracking.internal.http.HttpTransport} (JSON
 * requests over pooled HTTP/1.1 connections, with timeouts), {@link dev.tracking.internal.http.HttpReply} with its
 * {@link dev.tracking.internal.http.ReplyHeaders}, {@link dev.tracking.internal.http.HttpStatusClass}
 * (success, retryable, permanent), {@link dev.tracking.internal.http.RetryAfter} (server-requested waits),
 * {@link dev.tracking.internal.http.TransportFailures} (failures with reason codes) and
 * {@link dev.tracking.internal.http.Urls} (percent-encoding, plain-http warning). Not public API.
 */
package dev.tracking.internal.http;
