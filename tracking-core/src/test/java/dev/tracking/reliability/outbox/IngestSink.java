package dev.tracking.reliability.outbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outlit's ingest endpoint played on a loopback port, shared by the JVMs of a crash test. It records the events
 * of every request it accepts (before answering, so that an instance killed while waiting for the answer resends
 * them: a duplicate of the same id), and can be slow, refuse every n-th request with a 503, or hold requests
 * without answering until told otherwise.
 */
final class IngestSink implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(daemon("ingest-sink"));
    private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor(
            daemon("ingest-sink-answers"));
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<UUID, List<JsonNode>> accepted = new ConcurrentHashMap<>();
    private final List<List<UUID>> held = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;
    private volatile int refuseEvery;
    private volatile CountDownLatch hold;

    IngestSink() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to give Outlit as its API host. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers each accepted request {@code value} after recording it (a slow vendor). */
    IngestSink delay(Duration value) {
        delay = value;
        return this;
    }

    /** Refuses every {@code n}-th request with a 503 and records nothing of it; 0 refuses none. */
    IngestSink refuseEvery(int n) {
        refuseEvery = n;
        return this;
    }

    /** From now on holds every request unanswered (recording its ids in {@link #held()}) until {@link #accept()}. */
    IngestSink hold() {
        hold = new CountDownLatch(1);
        return this;
    }

    /** Fast and accepting everything from now on; held requests get a 503 (their sender is usually dead). */
    IngestSink accept() {
        delay = Duration.ZERO;
        refuseEvery = 0;
        CountDownLatch current = hold;
        hold = null;
        if (current != null) {
            current.countDown();
        }
        return this;
    }

    int requests() {
        return requests.get();
    }

    int refused() {
        return refused.get();
    }

    /** Every event of the accepted requests by its {@code uuid}; more than one when it was sent again. */
    Map<UUID, List<JsonNode>> accepted() {
        return accepted;
    }

    /** The ids of each request held unanswered, in arrival order. */
    List<List<UUID>> held() {
        return held;
    }

    /** Requests the sink could not read: a test fails when there are any. */
    List<String> problems() {
        return problems;
    }

    private void handle(HttpExchange exchange) throws IOException {
        int n = requests.incrementAndGet();
        List<JsonNode> events = new ArrayList<>();
        try (InputStream in = exchange.getRequestBody()) {
            JSON.readTree(in.readAllBytes()).path("events").forEach(events::add);
        } catch (RuntimeException e) {
            problems.add("request " + n + ": " + e);
            answer(exchange, 400, "{\"errors\":[{\"index\":0,\"message\":\"unreadable\"}]}");
            return;
        }
        List<UUID> ids = events.stream().map(e -> UUID.fromString(e.path("uuid").asString())).toList();
        CountDownLatch currentHold = hold;
        if (currentHold != null) {
            held.add(ids);
            try {
                currentHold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 503, "{\"errors\":[{\"index\":0,\"message\":\"held\"}]}");
            return;
        }
        int every = refuseEvery;
        if (every > 0 && n % every == 0) {
            refused.incrementAndGet();
            answer(exchange, 503, "{\"errors\":[{\"index\":0,\"message\":\"try again\"}]}");
            return;
        }
        for (int i = 0; i < events.size(); i++) {
            accepted.computeIfAbsent(ids.get(i), id -> new CopyOnWriteArrayList<>()).add(events.get(i));
        }
        String body = "{\"success\":true,\"processed\":" + events.size() + "}";
        Duration wait = delay;
        if (wait.isZero()) {
            answer(exchange, 200, body);
        } else {
            answers.schedule(() -> answer(exchange, 200, body), wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            out.write(bytes);
        } catch (IOException e) {
            // the sender is gone (killed, or timed out): nothing to answer
        }
    }

    /** Ids accepted more than once. */
    Set<UUID> resent() {
        Set<UUID> resent = ConcurrentHashMap.newKeySet();
        accepted.forEach((id, copies) -> {
            if (copies.size() > 1) {
                resent.add(id);
            }
        });
        return resent;
    }

    @Override
    public void close() {
        accept();
        server.stop(0);
        answers.shutdownNow();
        handlers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
