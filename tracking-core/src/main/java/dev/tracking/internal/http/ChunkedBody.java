package dev.tracking.internal.http;

import java.io.IOException;

/** Reads a body sent with {@code Transfer-Encoding: chunked}: the chunks, the last chunk and the trailers. */
final class ChunkedBody {

    private static final int MAX_SIZE_DIGITS = 8;

    private ChunkedBody() {
    }

    /** The decoded body; the trailers are read and dropped. */
    static byte[] read(HttpInput in, Origin origin, int maxBody) throws IOException {
        ByteBuilder body = new ByteBuilder(8192);
        while (true) {
            String sizeLine = in.readLine(ResponseReader.MAX_LINE);
            if (sizeLine == null) {
                throw in.closedEarly();
            }
            long size = chunkSize(sizeLine, origin);
            if (size == 0) {
                ResponseReader.readFields(in, new ReplyHeaders.Builder(), origin);
                return body.toByteArray();
            }
            if (size > maxBody - body.size()) {
                throw new IOException("the response body from " + origin + " exceeds " + maxBody + " bytes");
            }
            in.readFully(body, (int) size);
            String end = in.readLine(ResponseReader.MAX_LINE);
            if (end == null) {
                throw in.closedEarly();
            }
            if (!end.isEmpty()) {
                throw malformed(origin);
            }
        }
    }

    private static long chunkSize(String line, Origin origin) throws IOException {
        int extension = line.indexOf(';');
        String digits = (extension < 0 ? line : line.substring(0, extension)).trim();
        if (digits.isEmpty() || digits.length() > MAX_SIZE_DIGITS) {
            throw malformed(origin);
        }
        long size = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), 16);
            if (digit < 0) {
                throw malformed(origin);
            }
            size = size * 16 + digit;
        }
        return size;
    }

    private static IOException malformed(Origin origin) {
        return new IOException("the response from " + origin + " has a malformed chunked body");
    }
}
