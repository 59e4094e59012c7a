package dev.tracking.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

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
    private static final BiPredicate<String, String> ALL = (name, value) -> true;

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
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            readFields(in, headers, origin);
            if (status == 101) {
                throw malformed("an unexpected 101 Switching Protocols");
            }
            if (status >= 200) {
                byte[] body = body(status, headers);
                reusable = reusable && keepAlive(statusLine.charAt(7) == '0', headers);
                return new HttpReply(status, HttpHeaders.of(headers, ALL), body);
            }
        }
    }

    /** Whether the last response left the connection fit for another request. */
    boolean reusable() {
        return reusable;
    }

    /** Reads header (or trailer) lines up to the empty line that ends them. */
    static void readFields(HttpInput in, Map<String, List<String>> fields, Origin origin) throws IOException {
        List<String> last = null;
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
            if ((first == ' ' || first == '\t') && last != null) {
                last.set(last.size() - 1, last.get(last.size() - 1) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("the response from " + origin + " has a malformed header line");
            }
            last = fields.computeIfAbsent(line.substring(0, colon).strip(), name -> new ArrayList<>(1));
            last.add(line.substring(colon + 1).strip());
        }
    }

    private byte[] body(int status, Map<String, List<String>> headers) throws IOException {
        reusable = true;
        if (status == 204 || status == 304) {
            return EMPTY;
        }
        List<String> transferEncoding = headers.get("Transfer-Encoding");
        if (transferEncoding != null) {
            if (lastToken(transferEncoding).equals("chunked")) {
                return ChunkedBody.read(in, origin, MAX_BODY);
            }
            return untilEnd();
        }
        List<String> contentLength = headers.get("Content-Length");
        if (contentLength == null) {
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
            for (String part : value.split(",")) {
                long parsed = parseLength(part.strip());
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
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed("an invalid Content-Length");
        }
        return Long.parseLong(digits);
    }

    private int status(String line) throws IOException {
        boolean wellFormed = line.length() >= 12 && line.startsWith("HTTP/1.") && line.charAt(8) == ' '
                && (line.length() == 12 || line.charAt(12) == ' ');
        for (int i = 9; wellFormed && i < 12; i++) {
            wellFormed = Character.isDigit(line.charAt(i)) && line.charAt(i) < 128;
        }
        if (!wellFormed) {
            throw malformed("a malformed status line");
        }
        return Integer.parseInt(line, 9, 12, 10);
    }

    private static boolean keepAlive(boolean http10, Map<String, List<String>> headers) {
        List<String> connection = headers.get("Connection");
        boolean close = false;
        boolean keepAlive = false;
        if (connection != null) {
            for (String value : connection) {
                for (String token : value.split(",")) {
                    String t = token.strip().toLowerCase(Locale.ROOT);
                    close |= t.equals("close");
                    keepAlive |= t.equals("keep-alive");
                }
            }
        }
        return !close && (!http10 || keepAlive);
    }

    private static String lastToken(List<String> values) {
        String last = values.get(values.size() - 1);
        return last.substring(last.lastIndexOf(',') + 1).strip().toLowerCase(Locale.ROOT);
    }

    private IOException tooLarge() {
        return new IOException("the response body from " + origin + " exceeds " + MAX_BODY + " bytes");
    }

    private IOException malformed(String what) {
        return new IOException("the response from " + origin + " has " + what);
    }
}
