package dev.tracking.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny HTTP/1.1 server on a loopback socket whose answers are scripted byte for byte by the test. */
final class RawHttpServer implements AutoCloseable {

    /** A request as received: the connection it came on (0 for the first accepted), its head and body. */
    record Request(int connection, String head, byte[] body) {

        String requestLine() {
            return head.substring(0, head.indexOf("\r\n"));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Answers one request on {@code out}; returns whether the server keeps the connection open afterwards. */
    @FunctionalInterface
    interface Script {
        boolean answer(Request request, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    RawHttpServer(Script script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread acceptor = new Thread(this::acceptAll, "raw-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server that sends {@code response} to every request and keeps the connection open. */
    static RawHttpServer answering(String response) throws IOException {
        return new RawHttpServer((request, out) -> {
            send(out, response);
            return true;
        });
    }

    static void send(OutputStream out, String response) throws IOException {
        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + pathAndQuery);
    }

    int port() {
        return server.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    List<Request> requests() {
        return requests;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void acceptAll() {
        try {
            while (true) {
                Socket socket = server.accept();
                int index = accepted.getAndIncrement();
                sockets.add(socket);
                Thread connection = new Thread(() -> serve(socket, index), "raw-http-" + index);
                connection.setDaemon(true);
                connection.start();
            }
        } catch (IOException closed) {
            return;
        }
    }

    private void serve(Socket socket, int index) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            for (String head = readHead(in); head != null; head = readHead(in)) {
                byte[] body = head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked") ? chunks(in)
                        : in.readNBytes(contentLength(head));
                Request request = new Request(index, head, body);
                requests.add(request);
                if (!script.answer(request, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            return;
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int length = Integer.parseInt(size.split(";")[0].strip(), 16);
            if (length == 0) {
                while (!line(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return 0;
    }
}
