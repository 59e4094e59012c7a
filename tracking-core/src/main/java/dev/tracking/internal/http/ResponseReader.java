package dev.tracking.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.util.List;

/**
 * Reads one HTTP/1.x response from a connection: skips interim 1xx responses, then reads the status, the
 * headers and the body (by {@code Content-Length}, chunked, or up to the end of the stream), and tells whether
 * the connection can carry another request afterwards.
 */
final class ResponseReader {

    /** The largest response body accepted. */
    static final int MAX_BODY = 16 * 1024 * 1024;

    static final int MAX_LINE = 16 * 1024;
    static final int MAX_HEADER_LINES = 256;

    private static final byte[] EMPTY = new byte[0];

    private final HttpInput in;
    private final Origin origin;
    private boolean reusable;

    ResponseReader(HttpInput in, Origin origin) {
        this.in = in;
        this.origin = origin;
    }

    /** Reads the next final response. */
    HttpReply read() throws IOException {
        reusable = false;
        while (true) {
            String statusLine = in.readLine(MAX_LINE);
            if (statusLine == null) {
                throw new EOFException("the connection to " + origin + " closed before a response");
            }
            int status = status(statusLine);
            ReplyHeaders.Builder fields = new ReplyHeaders.Builder();
            readFields(in, fields, origin);
            if (status == 101) {
                throw malformed("an unexpected 101 Switching Protocols");
            }
            if (status >= 200) {
                ReplyHeaders headers = fields.build();
                byte[] body = body(status, headers);
                reusable = reusable && keepAlive(statusLine.charAt(7) == '0', headers);
                return new HttpReply(status, headers, body);
            }
        }
    }

    /** Whether the last response left the connection fit for another request. */
    boolean reusable() {
        return reusable;
    }

    /** Reads header (or trailer) lines up to the empty line that ends them. */
    static void readFields(HttpInput in, ReplyHeaders.Builder fields, Origin origin) throws IOException {
        for (int lines = 0; ; lines++) {
            String line = in.readLine(MAX_LINE);
            if (line == null) {
                throw in.closedEarly();
            }
            if (line.isEmpty()) {
                return;
            }
            if (lines >= MAX_HEADER_LINES) {
                throw new IOException("the response from " + origin + " has too many header lines");
            }
            char first = line.charAt(0);
            if ((first == ' ' || first == '\t') && fields.continueLast(line.trim())) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("the response from " + origin + " has a malformed header line");
            }
            fields.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
    }

    /** Reads the body; notes whether its end was delimited, so that the connection can go on. */
    private byte[] body(int status, ReplyHeaders headers) throws IOException {
        reusable = true;
        if (status == 204 || status == 304) {
            return EMPTY;
        }
        if (isChunked(headers)) {
            return ChunkedBody.read(in, origin, MAX_BODY);
        }
        List<String> contentLength = headers.allValues("Content-Length");
        if (contentLength.isEmpty() || headers.firstValue("Transfer-Encoding") != null) {
            return untilEnd();
        }
        int length = contentLength(contentLength);
        if (length == 0) {
            return EMPTY;
        }
        byte[] body = new byte[length];
        in.readFully(body, 0, length);
        return body;
    }

    private byte[] untilEnd() throws IOException {
        reusable = false;
        ByteBuilder body = new ByteBuilder(8192);
        while (in.readSome(body, 8192) >= 0) {
            if (body.size() > MAX_BODY) {
                throw tooLarge();
            }
        }
        return body.size() == 0 ? EMPTY : body.toByteArray();
    }

    private int contentLength(List<String> values) throws IOException {
        long length = -1;
        for (String value : values) {
            for (int start = 0, end; start <= value.length(); start = end + 1) {
                end = value.indexOf(',', start);
                end = end < 0 ? value.length() : end;
                long parsed = parseLength(value.substring(start, end).trim());
                if (length >= 0 && parsed != length) {
                    throw malformed("conflicting Content-Length values");
                }
                length = parsed;
            }
        }
        if (length > MAX_BODY) {
            throw tooLarge();
        }
        return (int) length;
    }

    private long parseLength(String digits) throws IOException {
        if (digits.isEmpty() || digits.length() > 18) {
            throw malformed("an invalid Content-Length");
        }
        long length = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed("an invalid Content-Length");
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }

    private int status(String line) throws IOException {
        boolean wellFormed = line.length() >= 12 && line.startsWith("HTTP/1.") && line.charAt(8) == ' '
                && (line.length() == 12 || line.charAt(12) == ' ');
        int status = 0;
        for (int i = 9; wellFormed && i < 12; i++) {
            char c = line.charAt(i);
            wellFormed = c >= '0' && c <= '9';
            status = status * 10 + (c - '0');
        }
        if (!wellFormed) {
            throw malformed("a malformed status line");
        }
        return status;
    }

    private static boolean isChunked(ReplyHeaders headers) {
        List<String> codings = headers.allValues("Transfer-Encoding");
        if (codings.isEmpty()) {
            return false;
        }
        String last = codings.get(codings.size() - 1);
        return last.substring(last.lastIndexOf(',') + 1).trim().equalsIgnoreCase("chunked");
    }

    private static boolean keepAlive(boolean http10, ReplyHeaders headers) {
        List<String> connection = headers.allValues("Connection");
        return !hasToken(connection, "close") && (!http10 || hasToken(connection, "keep-alive"));
    }

    private static boolean hasToken(List<String> values, String token) {
        for (String value : values) {
            for (int start = 0, end; start <= value.length(); start = end + 1) {
                end = value.indexOf(',', start);
                end = end < 0 ? value.length() : end;
                if (value.substring(start, end).trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    private IOException tooLarge() {
        return new IOException("the response body from " + origin + " exceeds " + MAX_BODY + " bytes");
    }

    private IOException malformed(String what) {
        return new IOException("the response from " + origin + " has " + what);
    }
}
