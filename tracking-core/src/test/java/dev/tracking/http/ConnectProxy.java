package dev.tracking.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP proxy on a loopback port that tunnels {@code CONNECT host:port}, resolving host names through its own
 * map only (so a destination named there is reachable through this proxy and nowhere else), and optionally
 * requiring Basic credentials ({@code 407} with a challenge until they come).
 */
public final class ConnectProxy implements AutoCloseable {

    private final ServerSocket server;
    private final Map<String, String> hosts;
    private final String expectedAuthorization;
    private final List<String> tunnels = new CopyOnWriteArrayList<>();
    private final List<String> challenged = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    /**
     * @param hosts host names this proxy resolves, to IP addresses
     * @param username required user name, or {@code null} for none
     * @param password required password
     */
    public ConnectProxy(Map<String, String> hosts, String username, String password) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.hosts = Map.copyOf(hosts);
        this.expectedAuthorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        Thread acceptor = new Thread(this::acceptAll, "test-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The {@code host:port} of every tunnel opened, in order. */
    public List<String> tunnels() {
        return tunnels;
    }

    /** The {@code host:port} of every CONNECT answered with 407. */
    public List<String> challenged() {
        return challenged;
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
                sockets.add(socket);
                Thread thread = new Thread(() -> serve(socket), "test-proxy-conn");
                thread.setDaemon(true);
                thread.start();
            }
        } catch (IOException closed) {
            return;
        }
    }

    private void serve(Socket client) {
        try {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            for (String head = readHead(in); head != null; head = readHead(in)) {
                String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
                if (!requestLine[0].equals("CONNECT")) {
                    write(out, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    client.close();
                    return;
                }
                String target = requestLine[1];
                if (expectedAuthorization != null && !expectedAuthorization.equals(header(head,
                        "proxy-authorization"))) {
                    challenged.add(target);
                    write(out, "HTTP/1.1 407 Proxy Authentication Required\r\n"
                            + "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n");
                    continue;
                }
                int colon = target.lastIndexOf(':');
                String address = hosts.get(target.substring(0, colon).toLowerCase(Locale.ROOT));
                if (address == null) {
                    write(out, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    client.close();
                    return;
                }
                Socket upstream = new Socket(address, Integer.parseInt(target.substring(colon + 1)));
                sockets.add(upstream);
                tunnels.add(target);
                write(out, "HTTP/1.1 200 Connection established\r\n\r\n");
                Thread back = new Thread(() -> pump(upstreamIn(upstream), out, client), "test-proxy-back");
                back.setDaemon(true);
                back.start();
                pump(in, upstream.getOutputStream(), upstream);
                return;
            }
        } catch (IOException e) {
            return;
        }
    }

    private static InputStream upstreamIn(Socket upstream) {
        try {
            return upstream.getInputStream();
        } catch (IOException e) {
            return InputStream.nullInputStream();
        }
    }

    private static void pump(InputStream from, OutputStream to, Socket closeAfter) {
        try (closeAfter) {
            from.transferTo(to);
        } catch (IOException e) {
            return;
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
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
}
