package dev.tracking.lotus;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A WireMock transformer that holds the answers of stubs using it until the test releases them. */
final class HeldAnswers implements ResponseDefinitionTransformerV2 {

    static final String NAME = "held";

    private final AtomicInteger holding = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    /** How many answers are being held right now. */
    int holding() {
        return holding.get();
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        holding.incrementAndGet();
        try {
            gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            holding.decrementAndGet();
        }
        return serveEvent.getResponseDefinition();
    }
}
