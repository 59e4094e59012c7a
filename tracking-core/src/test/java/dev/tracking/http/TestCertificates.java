package dev.tracking.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A private CA made once per test JVM with the JDK's {@code keytool}: a server certificate for {@code vendor.test},
 * {@code localhost} and {@code 127.0.0.1}, a client certificate, both signed by the CA, and a second, unrelated CA.
 * PKCS12 files with the password {@link #PASSWORD}.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";

    private static TestCertificates instance;

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** The certificates, generated on the first call. */
    public static synchronized TestCertificates get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("tracking-tls");
                dir.toFile().deleteOnExit();
                TestCertificates certificates = new TestCertificates(dir);
                certificates.generate();
                instance = certificates;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The server's key and certificate chain. */
    public Path serverKeyStore() {
        return dir.resolve("server.p12");
    }

    /** The client's key and certificate chain, for mutual TLS. */
    public Path clientKeyStore() {
        return dir.resolve("client.p12");
    }

    /** A trust store with the private CA only. */
    public Path trustStore() {
        return dir.resolve("trust.p12");
    }

    /** A trust store with an unrelated CA only. */
    public Path otherTrustStore() {
        return dir.resolve("other-trust.p12");
    }

    /** Trusts the private CA, presents no client certificate. */
    public SSLContext trustingCa() {
        return context(trustStore(), null);
    }

    /** Trusts the private CA and presents the client certificate. */
    public SSLContext trustingCaWithClientCertificate() {
        return context(trustStore(), clientKeyStore());
    }

    /** Trusts only an unrelated CA. */
    public SSLContext trustingOtherCa() {
        return context(otherTrustStore(), null);
    }

    private static SSLContext context(Path trust, Path keys) {
        try {
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(load(trust));
            KeyManagerFactory keyManagers = null;
            if (keys != null) {
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(load(keys), PASSWORD.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path path) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private void generate() {
        keyPair("ca.p12", "ca", "CN=Tracking Test CA", "-ext", "bc:c");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "trust.p12");
        signed("server", "CN=vendor.test", "san=dns:vendor.test,dns:localhost,ip:127.0.0.1", "eku=serverAuth");
        signed("client", "CN=tracking-client", "eku=clientAuth", null);
        keyPair("other.p12", "other", "CN=Unrelated CA", "-ext", "bc:c");
        keytool("-exportcert", "-rfc", "-alias", "other", "-keystore", "other.p12", "-file", "other.pem");
        keytool("-importcert", "-noprompt", "-alias", "other", "-file", "other.pem", "-keystore", "other-trust.p12");
    }

    private void signed(String name, String dname, String ext1, String ext2) {
        keyPair(name + ".p12", name, dname);
        keytool("-certreq", "-alias", name, "-keystore", name + ".p12", "-file", name + ".csr");
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12",
                "-infile", name + ".csr", "-outfile", name + ".pem", "-validity", "2", "-ext", ext1));
        if (ext2 != null) {
            gencert.addAll(List.of("-ext", ext2));
        }
        keytool(gencert.toArray(String[]::new));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", name + ".p12");
        keytool("-importcert", "-noprompt", "-alias", name, "-file", name + ".pem", "-keystore", name + ".p12");
    }

    private void keyPair(String store, String alias, String dname, String... extra) {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", dname, "-validity", "2", "-keystore", store));
        args.addAll(List.of(extra));
        keytool(args.toArray(String[]::new));
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
