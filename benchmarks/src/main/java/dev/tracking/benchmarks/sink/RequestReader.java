package dev.tracking.benchmarks.sink;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Buffered reading of HTTP/1.1 request heads and bodies from one connection. */
final class RequestReader {

    private final InputStream in;
    private final Runnable afterRead;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    /** Reads from {@code in}, running {@code afterRead} after every read from the socket. */
    RequestReader(InputStream in, Runnable afterRead) {
        this.in = in;
        this.afterRead = afterRead;
    }

    /** The next line without its CRLF, or {@code null} at end of stream before any byte. */
    String readLineOrNull() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (position == limit && !fill()) {
                if (line.length() == 0) {
                    return null;
                }
                throw new EOFException("connection closed inside a line");
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) (b & 0xff));
        }
    }

    String readLine() throws IOException {
        String line = readLineOrNull();
        if (line == null) {
            throw new EOFException("connection closed");
        }
        return line;
    }

    /** Reads between 1 and {@code length} body bytes. */
    int readBytes(byte[] target, int offset, int length) throws IOException {
        if (position == limit && !fill()) {
            throw new EOFException("connection closed inside a body");
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        afterRead.run();
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
