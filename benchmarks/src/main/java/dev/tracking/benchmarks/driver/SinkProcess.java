package dev.tracking.benchmarks.driver;

import dev.tracking.benchmarks.sink.SinkProbe;
import dev.tracking.benchmarks.sink.SinkServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A {@link SinkServer} in its own JVM, for as long as this object is open. */
final class SinkProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private SinkProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a sink where each event costs {@code eventCostMicros} (0: answers at once), logging to {@code log}. */
    static SinkProcess start(long eventCostMicros, Path log) {
        List<String> command = ChildJvm.command(List.of("-Xms256m", "-Xmx1g", "-XX:+UseSerialGC"),
                SinkServer.class, List.of("--event-cost-us=" + eventCostMicros));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith(SinkServer.PORT_ANNOUNCEMENT)) {
                line = out.readLine();
            }
            if (line == null) {
                throw new IllegalStateException("the sink exited before announcing its port");
            }
            int port = Integer.parseInt(line.substring(SinkServer.PORT_ANNOUNCEMENT.length()).trim());
            Thread logging = new Thread(() -> copy(out, log), "sink-log");
            logging.setDaemon(true);
            logging.start();
            return new SinkProcess(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the sink", e);
        }
    }

    int port() {
        return port;
    }

    SinkProbe probe() {
        return new SinkProbe(port);
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            process.destroy();
        }
        process.destroy();
    }

    private static void copy(BufferedReader out, Path log) {
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                writer.println(line);
            }
        } catch (IOException e) {
            return;
        }
    }
}
