package dev.tracking.benchmarks.driver;

import dev.tracking.support.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The databases of the database rows: one real PostgreSQL server for the whole run (the core tests' fixture, which
 * also runs as root; started at the first request and stopped when the driver exits, loopback only, trust
 * authentication as user {@code postgres}, fsync off) with a new database per use, and H2 files under the log
 * directory.
 */
final class BenchDatabases {

    private final Path h2Dir;

    BenchDatabases(Path logDir) {
        this.h2Dir = logDir.resolve("h2");
    }

    /** The JDBC URL of a new empty PostgreSQL database named {@code name} (replacing one of that name). */
    String postgres(String name) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
        try (Connection connection = server.dataSource("postgres").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return server.jdbcUrl(name);
    }

    /** The JDBC URL of a new empty H2 database in a file named {@code name} (replacing one of that name). */
    String h2(String name) {
        try {
            Files.createDirectories(h2Dir);
            try (Stream<Path> files = Files.list(h2Dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith(name + "."))
                        .sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "jdbc:h2:file:" + h2Dir.resolve(name).toAbsolutePath();
    }
}
