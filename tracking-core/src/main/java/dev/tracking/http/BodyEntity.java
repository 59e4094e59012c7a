package dev.tracking.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/** An {@link HttpBody} as the Apache client's entity: written straight to the connection, repeatable. */
final class BodyEntity extends AbstractHttpEntity {

    private final HttpBody body;

    BodyEntity(HttpBody body) {
        super(body.contentType(), body.contentEncoding(), body.contentLength() < 0);
        this.body = body;
    }

    @Override
    public long getContentLength() {
        return body.contentLength();
    }

    @Override
    public InputStream getContent() {
        throw new UnsupportedOperationException("the body is written, not read");
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        body.writeTo(out);
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
    }
}
