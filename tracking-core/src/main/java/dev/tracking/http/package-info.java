/**
 * The HTTP seam: {@link dev.tracking.http.HttpSender} sends an {@link dev.tracking.http.HttpRequest} (headers, an
 * {@link dev.tracking.http.HttpBody} the destination writes, idempotent or not, a timeout) and returns an
 * {@link dev.tracking.http.HttpReply}. {@link dev.tracking.http.ApacheHttpSender} is the default, configured by
 * {@link dev.tracking.http.HttpOptions} (TLS context, {@link dev.tracking.http.ProxyOptions}, pool limits, gzip).
 */
package dev.tracking.http;
