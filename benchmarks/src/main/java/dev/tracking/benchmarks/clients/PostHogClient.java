package dev.tracking.benchmarks.clients;

import com.posthog.java.PostHog;
import java.net.URI;

/**
 * posthog-java with its default settings, posting to the sink's {@code /batch}. It has no flush: its sender
 * sends whatever is queued every second, or sooner once 50 events wait.
 */
final class PostHogClient implements BenchClient {

    private final PostHog posthog;

    PostHogClient(URI sink) {
        posthog = new PostHog.Builder("phc_bench").host(sink.toString()).build();
    }

    @Override
    public String name() {
        return "posthog";
    }

    @Override
    public void send() {
        posthog.capture(BenchEvent.CUSTOMER_ID, BenchEvent.NAME, BenchEvent.properties());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        posthog.shutdown();
    }
}
