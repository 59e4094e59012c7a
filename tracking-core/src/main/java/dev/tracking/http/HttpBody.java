package dev.tracking.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * A request body that writes itself to the connection, so an encoder's buffer goes out without a copy.
 * {@link #writeTo} may be called more than once by a sender that must resend; the bytes must be the same each time.
 */
public interface HttpBody {

    /** The {@code Content-Type}, e.g. {@code application/json}. */
    String contentType();

    /** The {@code Content-Encoding}, or {@code null} for none. */
    default String contentEncoding() {
        return null;
    }

    /** The number of bytes {@link #writeTo} writes, or {@code -1} when unknown (the body is then chunked). */
    long contentLength();

    /** Writes the body to {@code out}; does not close it. */
    void writeTo(OutputStream out) throws IOException;

    /** The first {@code length} bytes of {@code json}, read when the request is sent: do not change them before. */
    static HttpBody json(byte[] json, int length) {
        Objects.requireNonNull(json, "json");
        if (length < 0 || length > json.length) {
            throw new IllegalArgumentException("length must be between 0 and json.length, was " + length);
        }
        return new HttpBody() {
            @Override
            public String contentType() {
                return "application/json";
            }

            @Override
            public long contentLength() {
                return length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(json, 0, length);
            }
        };
    }

    /** {@code body} compressed with gzip as it is written ({@code Content-Encoding: gzip}, chunked). */
    static HttpBody gzip(HttpBody body) {
        Objects.requireNonNull(body, "body");
        return new HttpBody() {
            @Override
            public String contentType() {
                return body.contentType();
            }

            @Override
            public String contentEncoding() {
                return "gzip";
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                GZIPOutputStream gzip = new GZIPOutputStream(out, 8192);
                body.writeTo(gzip);
                gzip.finish(); // finishes the gzip stream without closing the connection's
            }
        };
    }
}
