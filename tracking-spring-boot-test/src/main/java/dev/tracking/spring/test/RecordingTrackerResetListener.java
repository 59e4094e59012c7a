package dev.tracking.spring.test;

import dev.tracking.testing.RecordingTracker;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Clears every {@link RecordingTracker} bean and resets its access rules to allow-all after each test method,
 * so that tests sharing a cached context do not see each other's messages.
 */
public class RecordingTrackerResetListener extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 100;
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        context.getBeanProvider(RecordingTracker.class).stream().forEach(tracker -> {
            tracker.clear();
            tracker.entitlements().allowAll();
        });
    }
}
