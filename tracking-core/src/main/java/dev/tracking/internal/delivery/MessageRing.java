package dev.tracking.internal.delivery;

import dev.tracking.Message;

/**
 * A fixed-capacity ring of messages with their estimated sizes, numbering every message it ever held in order.
 * Not thread-safe: {@link DeliveryQueue} guards it with its lock.
 */
final class MessageRing {

    private final Message[] items;
    private final int[] sizes;
    private int headPos;
    private int count;
    private long bytes;
    private long headSeq;
    private long tailSeq;

    MessageRing(int capacity) {
        items = new Message[capacity];
        sizes = new int[capacity];
    }

    boolean isFull() {
        return count == items.length;
    }

    int count() {
        return count;
    }

    long bytes() {
        return bytes;
    }

    /** The number of the oldest message still held (or of the next one, when empty). */
    long headSeq() {
        return headSeq;
    }

    /** The number the next added message will get. */
    long tailSeq() {
        return tailSeq;
    }

    int headSize() {
        return sizes[headPos];
    }

    void add(Message message, int size) {
        int pos = (headPos + count) % items.length;
        items[pos] = message;
        sizes[pos] = size;
        count++;
        bytes += size;
        tailSeq++;
    }

    Message removeHead() {
        Message message = items[headPos];
        items[headPos] = null;
        bytes -= sizes[headPos];
        headPos = (headPos + 1) % items.length;
        count--;
        headSeq++;
        return message;
    }
}
