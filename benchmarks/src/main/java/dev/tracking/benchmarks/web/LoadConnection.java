package dev.tracking.benchmarks.web;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection to a loopback port: writes a prepared request, reads the whole response
 * (a {@code Content-Length} or chunked body) and hands back its status. Reconnects when the server closes.
 */
final class LoadConnection implements AutoCloseable {

    private static final int MAX_LINE = 8192;

    private final int port;
    private final StringBuilder line = new StringBuilder();
    private final byte[] skip = new byte[8192];
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private boolean closeAfter;

    LoadConnection(int port) throws IOException {
        this.port = port;
        connect();
    }

    /** A POST of {@code body} (JSON) to {@code path} with {@code headers} (each ending in CRLF), as bytes. */
    static byte[] post(String path, String headers, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\n" + headers + "Content-Length: " + content.length + "\r\n\r\n";
        byte[] request = new byte[head.length() + content.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, request, 0, head.length());
        System.arraycopy(content, 0, request, head.length(), content.length);
        return request;
    }

    /** Sends {@code request} and reads the response; returns its status code. */
    int exchange(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(request);
        out.flush();
        int status = readResponse(null);
        if (closeAfter) {
            close();
        }
        return status;
    }

    /** Sends {@code request} and returns the response body as text (for the small control calls). */
    String exchangeForBody(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(request);
        out.flush();
        StringBuilder body = new StringBuilder();
        int status = readResponse(body);
        if (closeAfter) {
            close();
        }
        if (status != 200) {
            throw new IOException("status " + status + ": " + body);
        }
        return body.toString();
    }

    private int readResponse(StringBuilder body) throws IOException {
        String statusLine = readLine();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        closeAfter = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                closeAfter = value.equalsIgnoreCase("close");
            }
        }
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                readBody(size, body);
                readLine();
            }
            for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                continue;
            }
        } else if (length > 0) {
            readBody(length, body);
        }
        return status;
    }

    private long chunkSize() throws IOException {
        String size = readLine();
        int extension = size.indexOf(';');
        return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    private void readBody(long length, StringBuilder body) throws IOException {
        long left = length;
        while (left > 0) {
            int read = in.read(skip, 0, (int) Math.min(skip.length, left));
            if (read < 0) {
                throw new EOFException("connection closed in a response body");
            }
            if (body != null) {
                body.append(new String(skip, 0, read, StandardCharsets.UTF_8));
            }
            left -= read;
        }
    }

    private String readLine() throws IOException {
        line.setLength(0);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed in a response head");
            }
            if (b != '\r') {
                if (line.length() == MAX_LINE) {
                    throw new IOException("response line too long");
                }
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private void connect() throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setKeepAlive(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
