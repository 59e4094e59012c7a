package dev.tracking.benchmarks.sink;

import java.io.IOException;
import java.io.InputStream;

/** The body of one HTTP/1.1 request: a fixed number of bytes, or chunks until the last one. */
final class BodyInputStream extends InputStream {

    private final RequestReader reader;
    private final boolean chunked;
    private long remaining;
    private boolean finished;

    private BodyInputStream(RequestReader reader, boolean chunked, long length) {
        this.reader = reader;
        this.chunked = chunked;
        this.remaining = length;
        this.finished = !chunked && length == 0;
    }

    static BodyInputStream fixed(RequestReader reader, long length) {
        return new BodyInputStream(reader, false, length);
    }

    static BodyInputStream chunked(RequestReader reader) {
        return new BodyInputStream(reader, true, 0);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (finished) {
            return -1;
        }
        if (remaining == 0 && !startNextChunk()) {
            return -1;
        }
        int n = reader.readBytes(target, offset, (int) Math.min(length, remaining));
        remaining -= n;
        if (remaining == 0 && !chunked) {
            finished = true;
        }
        if (remaining == 0 && chunked) {
            reader.readLine();
        }
        return n;
    }

    /** Reads what is left so that the next request starts at the right byte. */
    void discardRest() throws IOException {
        byte[] scratch = new byte[8192];
        while (read(scratch, 0, scratch.length) >= 0) {
            continue;
        }
    }

    private boolean startNextChunk() throws IOException {
        String sizeLine = reader.readLine();
        int extension = sizeLine.indexOf(';');
        String hex = (extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).trim();
        remaining = Long.parseLong(hex, 16);
        if (remaining == 0) {
            String trailer;
            do {
                trailer = reader.readLine();
            } while (!trailer.isEmpty());
            finished = true;
            return false;
        }
        return true;
    }
}
