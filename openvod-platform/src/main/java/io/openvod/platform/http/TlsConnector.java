package io.openvod.platform.http;

import io.javalin.config.JettyConfig;
import io.openvod.core.net.ReservedPort;
import io.openvod.core.files.OwnerOnly;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Optional;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS for the platform: a Jetty TLS connector that replaces plain HTTP, from a PEM certificate
 * chain with its PKCS#8 private key, or from a self-signed certificate for {@code localhost} and
 * {@code 127.0.0.1} made with the JDK's {@code keytool} (for development only).
 */
public final class TlsConnector {
    private static final char[] PASSWORD = "openvod".toCharArray();
    private final KeyStore keyStore;

    private TlsConnector(KeyStore keyStore) {
        this.keyStore = keyStore;
    }

    /** From PEM files: the certificate chain (leaf first) and its unencrypted PKCS#8 private key. */
    public static TlsConnector pem(Path certificateChain, Path privateKey) {
        try {
            List<? extends Certificate> chain = List.copyOf(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(certificateChain))));
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + certificateChain);
            }
            PrivateKey key = privateKey(Files.readString(privateKey, StandardCharsets.US_ASCII), privateKey);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("openvod", key, PASSWORD, chain.toArray(Certificate[]::new));
            return new TlsConnector(store);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS certificate or key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the TLS certificate or key is not usable: " + e.getMessage(), e);
        }
    }

    /** A self-signed certificate kept in {@code directory} (made on first use, reused after). */
    public static TlsConnector selfSigned(Path directory) {
        Path file = directory.resolve("self-signed.p12");
        try {
            if (!Files.exists(file)) {
                OwnerOnly.createDirectories(directory);
                Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
                Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "openvod", "-keyalg", "EC",
                        "-groupname", "secp256r1", "-validity", "825", "-dname", "CN=localhost",
                        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", file.toString(), "-storetype", "PKCS12",
                        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException("keytool could not make a self-signed certificate");
                }
            }
            OwnerOnly.restrict(file); // keytool writes the key store with the default permissions
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(file)) {
                store.load(in, PASSWORD);
            }
            return new TlsConnector(store);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make or read " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the self-signed certificate in " + file + " is not usable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a certificate", e);
        }
    }

    /** Installs the TLS connector on {@code host:port} (or the reserved port); Jetty then opens no plain HTTP connector. */
    void install(JettyConfig jetty, String host, int port, Optional<ReservedPort> reserved) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore);
        ssl.setKeyStorePassword(new String(PASSWORD));
        jetty.addConnector((server, httpConfiguration) -> {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // Clients address the platform by names the certificate may not list (e.g. COS virtual hosts).
            secure.setSniHostCheck(false);
            httpConfiguration.addCustomizer(secure);
            return HttpConnections.connector(server, host, port, reserved, new SslConnectionFactory(ssl, "http/1.1"),
                    HttpConnections.http(httpConfiguration));
        });
    }

    private static PrivateKey privateKey(String pem, Path file) throws GeneralSecurityException {
        String begin = "-----BEGIN PRIVATE KEY-----";
        int start = pem.indexOf(begin);
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(file + " is not an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY)");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException(file + " holds no RSA, EC or Ed25519 private key");
    }
}
