package dev.tracking.benchmarks.sink;

import java.io.IOException;
import java.util.Locale;

/** The request line and the few headers the sink needs. */
record RequestHead(String method, String target, long contentLength, boolean chunked, boolean gzip,
        boolean close, boolean expectContinue) {

    /** Reads the next request head, or returns {@code null} when the client closed the connection. */
    static RequestHead read(RequestReader reader) throws IOException {
        String requestLine = reader.readLineOrNull();
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = reader.readLineOrNull();
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", 3);
        if (parts.length < 3) {
            throw new IOException("bad request line: " + requestLine);
        }
        long contentLength = 0;
        boolean chunked = false;
        boolean gzip = false;
        boolean close = parts[2].equals("HTTP/1.0");
        boolean expectContinue = false;
        for (String line = reader.readLine(); !line.isEmpty(); line = reader.readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "content-encoding" -> gzip = value.contains("gzip");
                case "connection" -> close = value.contains("close") || close && !value.contains("keep-alive");
                case "expect" -> expectContinue = value.contains("100-continue");
                default -> {
                }
            }
        }
        return new RequestHead(parts[0], parts[1], contentLength, chunked, gzip, close, expectContinue);
    }

    /** The target without its query string. */
    String path() {
        int query = target.indexOf('?');
        return query >= 0 ? target.substring(0, query) : target;
    }

    /** The value of query parameter {@code name} as sent (not decoded), or {@code ""}. */
    String queryParameter(String name) {
        int query = target.indexOf('?');
        if (query < 0) {
            return "";
        }
        for (String pair : target.substring(query + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return "";
    }
}
