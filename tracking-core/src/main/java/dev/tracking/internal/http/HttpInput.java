package dev.tracking.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The buffered response side of one connection: reads lines and bytes, each blocking read bounded by the
 * exchange's deadline, and notes whether any byte of the response arrived.
 */
final class HttpInput {

    private static final int BUFFER_SIZE = 8192;

    private final Socket socket;
    private final InputStream in;
    private final Origin origin;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private final ByteBuilder longLine = new ByteBuilder(256);
    private int position;
    private int limit;
    private long deadlineNanos;
    private boolean received;

    HttpInput(Socket socket, Origin origin) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.origin = origin;
    }

    /** Starts reading a response that must be complete by {@code deadlineNanos} ({@link System#nanoTime()}). */
    void startResponse(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        this.received = false;
    }

    /** Whether any byte of the current response arrived. */
    boolean receivedAny() {
        return received;
    }

    /** Whether bytes beyond the last response are waiting in the buffer. */
    boolean hasBuffered() {
        return position < limit;
    }

    /**
     * The next line without its line end (CRLF or LF), decoded as ISO-8859-1; {@code null} when the connection
     * ends before the line's first byte.
     */
    String readLine(int maxLength) throws IOException {
        longLine.reset();
        while (true) {
            if (position == limit && !fill()) {
                if (longLine.size() == 0) {
                    return null;
                }
                throw closedEarly();
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int length = position - start;
            if (longLine.size() + length > maxLength) {
                throw new IOException("a response line from " + origin + " is too long");
            }
            if (position < limit) {
                position++;
                if (longLine.size() == 0) {
                    return latin1(buffer, start, length);
                }
                longLine.append(buffer, start, length);
                return latin1(longLine.array(), 0, longLine.size());
            }
            longLine.append(buffer, start, length);
        }
    }

    /** Reads exactly {@code length} bytes into {@code target}. */
    void readFully(byte[] target, int offset, int length) throws IOException {
        while (length > 0) {
            int n = read(target, offset, length);
            if (n < 0) {
                throw closedEarly();
            }
            offset += n;
            length -= n;
        }
    }

    /** Reads exactly {@code length} bytes onto the end of {@code target}. */
    void readFully(ByteBuilder target, int length) throws IOException {
        target.ensureRoom(length);
        readFully(target.array(), target.size(), length);
        target.advance(length);
    }

    /** Reads up to {@code maxLength} bytes onto the end of {@code target}; {@code -1} at the end of the stream. */
    int readSome(ByteBuilder target, int maxLength) throws IOException {
        target.ensureRoom(maxLength);
        int n = read(target.array(), target.size(), maxLength);
        if (n > 0) {
            target.advance(n);
        }
        return n;
    }

    /** The exception for a connection that ended in the middle of a response. */
    EOFException closedEarly() {
        return new EOFException("the connection to " + origin + " closed before the response was complete");
    }

    private int read(byte[] target, int offset, int length) throws IOException {
        if (position < limit) {
            int n = Math.min(length, limit - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }
        if (length >= buffer.length) {
            return readStream(target, offset, length);
        }
        return fill() ? read(target, offset, length) : -1;
    }

    private boolean fill() throws IOException {
        int n = readStream(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private int readStream(byte[] target, int offset, int length) throws IOException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw timedOut();
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining))));
        int n;
        try {
            n = in.read(target, offset, length);
        } catch (SocketTimeoutException e) {
            throw timedOut();
        }
        if (n > 0) {
            received = true;
        }
        return n;
    }

    private HttpTimeoutException timedOut() {
        return new HttpTimeoutException("the request to " + origin + " timed out");
    }

    private static String latin1(byte[] bytes, int offset, int length) {
        int end = length > 0 && bytes[offset + length - 1] == '\r' ? length - 1 : length;
        return new String(bytes, offset, end, StandardCharsets.ISO_8859_1);
    }
}
