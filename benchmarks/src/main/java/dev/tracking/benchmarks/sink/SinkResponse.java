package dev.tracking.benchmarks.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** One HTTP/1.1 response, written in a single buffer so it leaves in one segment. */
record SinkResponse(int status, String contentType, String body) {

    static SinkResponse json(int status, String body) {
        return new SinkResponse(status, "application/json", body);
    }

    static SinkResponse text(String body) {
        return new SinkResponse(200, "text/plain", body);
    }

    void writeTo(OutputStream out, boolean close) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason() + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + content.length + (close ? "\r\nConnection: close" : "") + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(content, 0, all, headBytes.length, content.length);
        out.write(all);
        out.flush();
    }

    private String reason() {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 404 -> "Not Found";
            default -> "Status";
        };
    }
}
