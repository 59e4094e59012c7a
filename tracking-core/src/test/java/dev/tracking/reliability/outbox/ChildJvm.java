package dev.tracking.reliability.outbox;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * An {@link OutboxChild} in a JVM of its own, on this JVM's class path, and what it reported on stdout so far.
 * Its stderr (logs, stack traces) goes to a file, quoted by {@link #diagnostics()}.
 */
final class ChildJvm implements AutoCloseable {

    /** The exit status of a process killed by SIGKILL (128 + 9). */
    static final int KILLED = 137;

    private static final Pattern BEGIN = Pattern.compile("BEGIN ([0-9a-f-]{36})");
    private static final Pattern ROLLED_BACK = Pattern.compile("ROLLEDBACK ([0-9a-f-]{36})");
    private static final Pattern TRACKED = Pattern.compile("ID ([0-9a-f-]{36}) (\\d+-\\d+)");

    private final Process process;
    private final Path log;
    private final Path stdout;
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private long readUpTo;
    private final Set<UUID> begun = ConcurrentHashMap.newKeySet();
    private final Map<UUID, String> tracked = new ConcurrentHashMap<>();
    private final Set<UUID> rolledBack = ConcurrentHashMap.newKeySet();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private volatile boolean ready;
    private volatile boolean done;

    private ChildJvm(Process process, Path log, Path stdout) {
        this.process = process;
        this.log = log;
        this.stdout = stdout;
    }

    /**
     * Starts {@code OutboxChild} with {@code args}, its stderr in {@code log} and its stdout in a file beside it: a
     * file, not a pipe, because the JDK closes a pipe's stream when the process dies, and a thread still reading it
     * then fails with "Stream closed" and loses the last lines.
     */
    static ChildJvm start(Path log, List<String> args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", classPath(), OutboxChild.class.getName()));
        command.addAll(args);
        try {
            Path stdout = log.resolveSibling(log.getFileName() + ".stdout");
            Process process = new ProcessBuilder(command).redirectError(log.toFile())
                    .redirectOutput(stdout.toFile()).start();
            return new ChildJvm(process, log, stdout);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /**
     * The test class path as surefire and failsafe give it to the test JVM: they set {@code java.class.path} to
     * the full class path even when the JVM itself was started from a manifest-only jar.
     */
    static String classPath() {
        String classPath = System.getProperty("java.class.path");
        String location = OutboxChild.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        boolean found = false;
        for (String entry : classPath.split(File.pathSeparator)) {
            found |= Path.of(entry).toAbsolutePath().equals(Path.of(location).toAbsolutePath());
        }
        if (!found) {
            throw new IllegalStateException("java.class.path does not hold " + location + ": " + classPath);
        }
        return classPath;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Parses the lines the child completed since the last call (a line counts once its newline is written). */
    private synchronized void poll() {
        try (FileChannel channel = FileChannel.open(stdout, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            for (int n = channel.read(buffer, readUpTo); n > 0; n = channel.read(buffer, readUpTo)) {
                readUpTo += n;
                for (int i = 0; i < n; i++) {
                    byte b = buffer.get(i);
                    if (b == '\n') {
                        accept(partialLine.toString(StandardCharsets.UTF_8));
                        partialLine.reset();
                    } else {
                        partialLine.write(b);
                    }
                }
                buffer.clear();
            }
        } catch (IOException e) {
            errors.add("reading stdout: " + e);
        }
    }

    private void accept(String line) {
        Matcher m;
        if ((m = TRACKED.matcher(line)).matches()) {
            tracked.put(UUID.fromString(m.group(1)), m.group(2));
        } else if ((m = BEGIN.matcher(line)).matches()) {
            begun.add(UUID.fromString(m.group(1)));
        } else if ((m = ROLLED_BACK.matcher(line)).matches()) {
            rolledBack.add(UUID.fromString(m.group(1)));
        } else if (line.equals("READY")) {
            ready = true;
        } else if (line.equals("DONE")) {
            done = true;
        } else {
            // ERROR lines, and anything unexpected, which would be a bug of the child
            errors.add(line);
        }
    }

    boolean ready() {
        poll();
        return ready;
    }

    boolean done() {
        poll();
        return done;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Ids of messages whose {@code track()} began. */
    Set<UUID> begun() {
        poll();
        return begun;
    }

    /** Ids of messages whose {@code track()} returned, with the {@code seq} property they carry. */
    Map<UUID, String> tracked() {
        poll();
        return tracked;
    }

    /** Ids of messages tracked in a transaction that was rolled back. */
    Set<UUID> rolledBack() {
        poll();
        return rolledBack;
    }

    /** ERROR lines and any line the child should not have written. */
    List<String> errors() {
        poll();
        return errors;
    }

    /** Whether the child stopped early: it exited, or reported an error. */
    boolean failed() {
        poll();
        return !process.isAlive() || !errors.isEmpty();
    }

    /**
     * Waits up to {@code atMost} for {@code condition}, failing at once with {@link #diagnostics()} when the child
     * stops early, and with them too when the time is up.
     */
    void awaitUntil(String what, Duration atMost, Callable<Boolean> condition) {
        try {
            Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(50))
                    .failFast(() -> {
                        if (failed()) {
                            throw new AssertionError("child stopped while waiting for " + what + ": "
                                    + diagnostics());
                        }
                    })
                    .until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; " + diagnostics(), e);
        }
    }

    /**
     * Kills the child with SIGKILL ({@link Process#destroyForcibly()} on Linux), waits for it, reads what it wrote
     * to stdout until then, and returns its exit status: {@link #KILLED} proves the signal was SIGKILL, not SIGTERM
     * (143).
     */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child did not die within 60 s of SIGKILL");
        }
        poll();
        return process.exitValue();
    }

    /** The exit status, what the child reported and the end of its stderr: for assertion messages. */
    String diagnostics() {
        String stderr;
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            stderr = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            stderr = "(stderr unreadable: " + e + ")";
        }
        return "child " + (process.isAlive() ? "alive" : "exited " + process.exitValue()) + ", began "
                + begun.size() + ", tracked " + tracked.size() + ", errors " + errors + "\n--- stderr (end) ---\n"
                + stderr;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
