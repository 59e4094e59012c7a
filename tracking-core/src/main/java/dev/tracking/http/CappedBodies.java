package dev.tracking.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.HttpEntity;

/** Reads a response body up to a cap; past it, aborts the exchange instead of reading the rest. */
final class CappedBodies {

    private static final byte[] EMPTY = new byte[0];

    private CappedBodies() {
    }

    static byte[] read(HttpEntity entity, int max, Runnable abort) throws IOException {
        if (entity == null) {
            return EMPTY;
        }
        long declared = entity.getContentLength();
        if (declared > max) {
            abort.run();
            throw tooLarge(max);
        }
        InputStream in = entity.getContent();
        if (in == null) {
            return EMPTY;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            total += n;
            if (total > max) {
                abort.run();
                throw tooLarge(max);
            }
            out.write(buffer, 0, n);
        }
        in.close();
        return out.toByteArray();
    }

    private static IOException tooLarge(int max) {
        return new ResponseTooLargeException("the response body is larger than " + max + " bytes");
    }

    /** A response body over the sender's cap. */
    static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException(String message) {
            super(message);
        }
    }
}
