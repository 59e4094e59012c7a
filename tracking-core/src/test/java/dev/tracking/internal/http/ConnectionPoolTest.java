package dev.tracking.internal.http;

import static dev.tracking.internal.http.HttpTransportConnectionsTest.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionPoolTest {

    private static final long LONG_IDLE = TimeUnit.MINUTES.toNanos(5);

    private final Connector connector = new Connector(Duration.ofSeconds(2), () -> null);
    private final WriteWatchdog watchdog = new WriteWatchdog("pool-test");

    @Test
    void keepsTheMostRecentlyUsedIdleConnectionsUpToItsLimit() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(OK)) {
            ConnectionPool pool = new ConnectionPool(1, LONG_IDLE);
            HttpConnection older = usedConnection(server, pool);
            HttpConnection newer = usedConnection(server, pool);

            pool.release(older);
            pool.release(newer);

            assertThat(pool.idleCount()).isEqualTo(1);
            assertThat(pool.borrow(Origin.of(server.uri("/")))).isSameAs(newer);
            assertThat(pool.borrow(Origin.of(server.uri("/")))).isNull();
        }
    }

    @Test
    void lendsOnlyConnectionsToTheSameOrigin() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(OK)) {
            ConnectionPool pool = new ConnectionPool(4, LONG_IDLE);
            pool.release(usedConnection(server, pool));

            assertThat(pool.borrow(Origin.of(URI.create("http://localhost:" + server.port())))).isNull();
            assertThat(pool.borrow(Origin.of(server.uri("/other")))).isNotNull();
        }
    }

    @Test
    void closesConnectionsFoundIdleForTooLong() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(OK)) {
            ConnectionPool pool = new ConnectionPool(4, 0);
            pool.release(usedConnection(server, pool));

            assertThat(pool.borrow(Origin.of(server.uri("/")))).isNull();
            assertThat(pool.openCount()).isZero();
        }
    }

    @Test
    void closesConnectionsIdleForTooLongWhenAnotherOneComesBack() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(OK)) {
            ConnectionPool pool = new ConnectionPool(4, 0);
            HttpConnection first = usedConnection(server, pool);
            HttpConnection second = usedConnection(server, pool);

            pool.release(first);
            pool.release(second);

            assertThat(pool.idleCount()).isEqualTo(1);
            assertThat(pool.openCount()).isEqualTo(1);
            assertThat(first.reusable()).isFalse();
        }
    }

    @Test
    void aClosedPoolTakesNoConnectionBack() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(OK)) {
            ConnectionPool pool = new ConnectionPool(4, LONG_IDLE);
            HttpConnection inUse = usedConnection(server, pool);
            pool.close();
            pool.release(inUse);

            assertThat(pool.idleCount()).isZero();
            assertThatThrownBy(() -> pool.add(connector.open(Origin.of(server.uri("/")), deadline())))
                    .isInstanceOf(IOException.class);
        }
    }

    private HttpConnection usedConnection(RawHttpServer server, ConnectionPool pool) throws IOException {
        URI uri = server.uri("/");
        HttpConnection connection = connector.open(Origin.of(uri), deadline());
        pool.add(connection);
        connection.exchange("GET", uri, new String[0], null, 0, deadline(), watchdog);
        return connection;
    }

    private static long deadline() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    }
}
