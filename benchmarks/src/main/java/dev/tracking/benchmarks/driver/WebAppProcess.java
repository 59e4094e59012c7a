package dev.tracking.benchmarks.driver;

import dev.tracking.benchmarks.web.WebBenchApplication;
import dev.tracking.benchmarks.web.WebStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A {@link WebBenchApplication} in its own JVM, for as long as this object is open. */
final class WebAppProcess implements AutoCloseable {

    /** The same heap for both applications. */
    private static final List<String> APP_JVM = List.of("-Xms512m", "-Xmx512m");
    private static final long START_LIMIT_SECONDS = 180;

    private final Process process;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private WebAppProcess(Process process, Path log) {
        this.process = process;
        Thread reading = new Thread(() -> copy(log), "web-app-log");
        reading.setDaemon(true);
        reading.start();
    }

    /**
     * Starts the application on {@code store} (a database store in the database at {@code jdbcUrl}), with the
     * tracking annotations acting or not; logs to {@code log}.
     */
    static WebAppProcess start(WebStore store, String jdbcUrl, boolean annotations, Path log) {
        List<String> args = new ArrayList<>(List.of("--annotations=" + annotations, "--store=" + store.id()));
        if (jdbcUrl != null) {
            args.add("--jdbc-url=" + jdbcUrl);
        }
        List<String> command = ChildJvm.command(APP_JVM, WebBenchApplication.class, args);
        try {
            Files.createDirectories(log.getParent());
            return new WebAppProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the web application", e);
        }
    }

    /** Waits until the application serves requests; returns its port. */
    int port() {
        try {
            return port.get(START_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the web application did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the web application started", e);
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void copy(Path log) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter writer = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                writer.println(line);
                if (line.startsWith(WebBenchApplication.PORT_ANNOUNCEMENT)) {
                    port.complete(Integer.parseInt(line.substring(
                            WebBenchApplication.PORT_ANNOUNCEMENT.length()).trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IllegalStateException("exited before announcing its port (see " + log + ")"));
    }
}
