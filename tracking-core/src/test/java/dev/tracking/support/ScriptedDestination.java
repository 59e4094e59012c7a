package dev.tracking.support;

import dev.tracking.Message;
import dev.tracking.spi.Destination;
import dev.tracking.spi.SendResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * A destination for tests: records every batch it is asked to send, answers with a scripted result, and can
 * hold its sends until the test releases them.
 */
public final class ScriptedDestination implements Destination {

    private final String name;
    private final int maxBatchSize;
    private final List<List<Message>> batches = new CopyOnWriteArrayList<>();
    private volatile Function<List<Message>, SendResult> answer = batch -> SendResult.delivered(batch.size());
    private volatile Function<Message, String> skipReason = message -> null;
    private volatile Function<Message, Integer> requestGroup = message -> 0;
    private volatile Semaphore gate;
    private volatile boolean closed;

    public ScriptedDestination(String name) {
        this(name, 100);
    }

    public ScriptedDestination(String name, int maxBatchSize) {
        this.name = name;
        this.maxBatchSize = maxBatchSize;
    }

    /** Answers every send with {@code value}. */
    public ScriptedDestination answering(Function<List<Message>, SendResult> value) {
        answer = value;
        return this;
    }

    public ScriptedDestination skipping(Function<Message, String> value) {
        skipReason = value;
        return this;
    }

    public ScriptedDestination grouping(Function<Message, Integer> value) {
        requestGroup = value;
        return this;
    }

    /** From now on every send waits for a permit from {@link #release(int)}. */
    public ScriptedDestination hold() {
        gate = new Semaphore(0);
        return this;
    }

    /** Lets {@code sends} held sends proceed. */
    public void release(int sends) {
        gate.release(sends);
    }

    /** Stops holding sends. */
    public void open() {
        Semaphore current = gate;
        gate = null;
        if (current != null) {
            current.release(Integer.MAX_VALUE / 2);
        }
    }

    public List<List<Message>> batches() {
        return batches;
    }

    public int messagesSent() {
        return batches.stream().mapToInt(List::size).sum();
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String skipReason(Message message) {
        return skipReason.apply(message);
    }

    @Override
    public int requestGroup(Message message) {
        return requestGroup.apply(message);
    }

    @Override
    public int maxBatchSize() {
        return maxBatchSize;
    }

    @Override
    public SendResult send(List<Message> batch) throws InterruptedException {
        batches.add(List.copyOf(batch));
        Semaphore current = gate;
        if (current != null) {
            current.acquire();
        }
        return answer.apply(batch);
    }

    @Override
    public void close() {
        closed = true;
    }
}
