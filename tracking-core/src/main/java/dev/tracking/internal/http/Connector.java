package dev.tracking.internal.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens connections: TCP with a connect timeout, then for {@code https} a TLS handshake with SNI and host name
 * verification. The TCP socket is a channel's, so that interrupting a thread blocked on it closes it.
 */
final class Connector {

    private final long connectTimeoutNanos;
    private final Supplier<SSLSocketFactory> tlsFactory;

    /**
     * @param connectTimeout how long connecting (and the TLS handshake) may take at most
     * @param tlsFactory the factory for TLS sockets, asked on the first {@code https} connection
     */
    Connector(Duration connectTimeout, Supplier<SSLSocketFactory> tlsFactory) {
        this.connectTimeoutNanos = HttpTransport.saturatedNanos(connectTimeout);
        this.tlsFactory = tlsFactory;
    }

    /** A new connection to {@code origin}, ready by the earlier of the connect timeout and {@code deadlineNanos}. */
    HttpConnection open(Origin origin, long deadlineNanos) throws IOException {
        long start = System.nanoTime();
        long connectDeadline = deadlineNanos - start < connectTimeoutNanos
                ? deadlineNanos : start + connectTimeoutNanos;
        Socket tcp = SocketChannel.open().socket();
        try {
            tcp.setTcpNoDelay(true);
            connect(tcp, origin, connectDeadline);
            Socket socket = origin.secure() ? handshake(tcp, origin, connectDeadline) : tcp;
            return new HttpConnection(origin, socket, tcp);
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }

    private static void connect(Socket tcp, Origin origin, long deadlineNanos) throws IOException {
        InetSocketAddress address = new InetSocketAddress(origin.bareHost(), origin.port());
        if (address.isUnresolved()) {
            throw new ConnectException("cannot resolve the host of " + origin);
        }
        try {
            tcp.connect(address, remainingMillis(origin, deadlineNanos));
        } catch (SocketTimeoutException e) {
            throw connectTimedOut(origin);
        } catch (UnknownHostException e) {
            throw new ConnectException("cannot resolve the host of " + origin);
        } catch (ConnectException e) {
            ConnectException failure = new ConnectException("cannot connect to " + origin + ": " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    private Socket handshake(Socket tcp, Origin origin, long deadlineNanos) throws IOException {
        SSLSocket tls = (SSLSocket) tlsFactory.get().createSocket(tcp, origin.bareHost(), origin.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        SNIHostName serverName = serverName(origin.bareHost());
        if (serverName != null) {
            parameters.setServerNames(List.of(serverName));
        }
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(remainingMillis(origin, deadlineNanos));
        try {
            tls.startHandshake();
        } catch (SocketTimeoutException e) {
            throw connectTimedOut(origin);
        }
        return tls;
    }

    private static SNIHostName serverName(String host) {
        boolean ipLiteral = host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
        if (ipLiteral) {
            return null;
        }
        try {
            return new SNIHostName(host);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int remainingMillis(Origin origin, long deadlineNanos) throws HttpConnectTimeoutException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw connectTimedOut(origin);
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
    }

    private static HttpConnectTimeoutException connectTimedOut(Origin origin) {
        return new HttpConnectTimeoutException("connecting to " + origin + " timed out");
    }
}
