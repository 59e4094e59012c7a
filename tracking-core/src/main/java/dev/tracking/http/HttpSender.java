package dev.tracking.http;

import java.io.IOException;

/**
 * Sends one HTTP request and returns the response: the seam between the destinations, which write their own
 * bodies and read the answers, and the HTTP client that carries the bytes.
 *
 * <p>The default is {@link ApacheHttpSender}. A custom sender (your own client, a test double) is given to
 * {@code Tracker.builder().httpSender(…)} or, in Spring Boot, declared as a bean. Implementations must be safe
 * for concurrent use, and must honour the contract of {@link HttpRequest}: finish within
 * {@link HttpRequest#timeout()} (connecting, writing the body and reading the answer), never send a request that
 * is not {@link HttpRequest#idempotent()} twice, follow no redirects, and never put the path, query or headers of
 * a request (keys may be in them) into exception messages or logs.
 */
public interface HttpSender extends AutoCloseable {

    /**
     * Sends {@code request} and waits for the whole response.
     *
     * @throws java.net.http.HttpTimeoutException when the request did not finish within its timeout
     * @throws IOException when no complete response came (connection refused or lost, TLS failure, a body
     *     larger than the sender accepts)
     * @throws InterruptedException when the calling thread was interrupted
     */
    HttpReply send(HttpRequest request) throws IOException, InterruptedException;

    /** Releases the connections; a sender the caller supplied is closed by the caller, never by the tracker. */
    @Override
    default void close() {
    }
}
