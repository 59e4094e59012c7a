package dev.tracking.internal.delivery;

import dev.tracking.Failure;
import dev.tracking.Message;
import dev.tracking.TrackingListener;
import dev.tracking.access.AccessDecision;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls every registered {@link TrackingListener}, isolating them: a listener that throws is logged once at
 * WARN (later at DEBUG) and otherwise ignored.
 */
public final class ListenerChain implements TrackingListener {

    private static final Logger log = LoggerFactory.getLogger(ListenerChain.class);

    private final TrackingListener[] listeners;
    private final AtomicIntegerArray warned;

    public ListenerChain(List<TrackingListener> listeners) {
        this.listeners = listeners.toArray(new TrackingListener[0]);
        this.warned = new AtomicIntegerArray(this.listeners.length);
    }

    public boolean isEmpty() {
        return listeners.length == 0;
    }

    @Override
    public void onAccepted(String destination, Message message) {
        for (int i = 0; i < listeners.length; i++) {
            try {
                listeners[i].onAccepted(destination, message);
            } catch (RuntimeException e) {
                report(i, "onAccepted", e);
            }
        }
    }

    @Override
    public void onDelivered(String destination, List<? extends Message> messages) {
        for (int i = 0; i < listeners.length; i++) {
            try {
                listeners[i].onDelivered(destination, messages);
            } catch (RuntimeException e) {
                report(i, "onDelivered", e);
            }
        }
    }

    @Override
    public void onFailed(String destination, List<? extends Message> messages, Failure failure) {
        for (int i = 0; i < listeners.length; i++) {
            try {
                listeners[i].onFailed(destination, messages, failure);
            } catch (RuntimeException e) {
                report(i, "onFailed", e);
            }
        }
    }

    @Override
    public void onDropped(String destination, Message message, String reason) {
        for (int i = 0; i < listeners.length; i++) {
            try {
                listeners[i].onDropped(destination, message, reason);
            } catch (RuntimeException e) {
                report(i, "onDropped", e);
            }
        }
    }

    @Override
    public void onBatchSent(String destination, int size, Duration elapsed, String outcome) {
        for (int i = 0; i < listeners.length; i++) {
            try {
                listeners[i].onBatchSent(destination, size, elapsed, outcome);
            } catch (RuntimeException e) {
                report(i, "onBatchSent", e);
            }
        }
    }

    @Override
    public void onAccessChecked(AccessDecision decision) {
        for (int i = 0; i < listeners.length; i++) {
            try {
                listeners[i].onAccessChecked(decision);
            } catch (RuntimeException e) {
                report(i, "onAccessChecked", e);
            }
        }
    }

    @Override
    public void onRemoteAccessCheck(boolean refresh, boolean answered, Duration elapsed) {
        for (int i = 0; i < listeners.length; i++) {
            try {
                listeners[i].onRemoteAccessCheck(refresh, answered, elapsed);
            } catch (RuntimeException e) {
                report(i, "onRemoteAccessCheck", e);
            }
        }
    }

    private void report(int index, String method, RuntimeException e) {
        String listener = listeners[index].getClass().getName();
        if (warned.compareAndSet(index, 0, 1)) {
            log.warn("Tracking listener {} threw from {}; ignoring it (further failures are logged at DEBUG)",
                    listener, method, e);
        } else {
            log.debug("Tracking listener {} threw from {}", listener, method, e);
        }
    }
}
