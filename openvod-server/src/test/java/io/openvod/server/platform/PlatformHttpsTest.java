package io.openvod.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import io.openvod.server.config.OpenVodConfig;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform over HTTPS: a self-signed certificate made at start, and the same certificate given
 * as PEM files; the UGC API answers over TLS and plain HTTP is not served.
 */
class PlatformHttpsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private OpenVodConfig config(List<String> extra) {
        List<String> overrides = new ArrayList<>(List.of("platform.http.port=0",
                "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db"),
                "platform.storage.path=" + dir.resolve("objects")));
        overrides.addAll(extra);
        return new ConfigLoader().load(ConfigSources.resolve(null, dir, Map.of(), overrides));
    }

    @Test
    void aSelfSignedPlatformAnswersOverTlsAndNotOverPlainHttp() throws Exception {
        OpenVodConfig config = config(List.of("platform.http.tls.selfSigned=true"));
        try (Platform platform = Platform.start(config.platform(), config.signature(), config.keys(), Clock.systemUTC())) {
            assertThat(platform.url()).startsWith("https://127.0.0.1:");
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(dir.resolve("tls/self-signed.p12"))) {
                store.load(in, "openvod".toCharArray());
            }
            JsonNode answer = prepare(platform.url(), trusting((X509Certificate) store.getCertificate("openvod")));
            assertThat(answer.get("code").asInt()).as("an unsigned call is refused, over TLS").isEqualTo(10001);
            assertThat(plainHttpFails(platform.url().replace("https://", "http://"))).isTrue();

            Path cert = dir.resolve("cert.pem");
            Path key = dir.resolve("key.pem");
            Files.writeString(cert, pem("CERTIFICATE", store.getCertificate("openvod").getEncoded()));
            Files.writeString(key, pem("PRIVATE KEY", ((PrivateKey) store.getKey("openvod", "openvod".toCharArray())).getEncoded()));
            OpenVodConfig pemConfig = config(List.of("platform.http.tls.certificate=" + cert, "platform.http.tls.privateKey=" + key,
                    "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform2.db")));
            try (Platform second = Platform.start(pemConfig.platform(), pemConfig.signature(), pemConfig.keys(), Clock.systemUTC())) {
                JsonNode again = prepare(second.url(), trusting((X509Certificate) store.getCertificate("openvod")));
                assertThat(again.get("code").asInt()).isEqualTo(10001);
            }
        }
    }

    private static JsonNode prepare(String url, SSLContext tls) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + "/v3/index.php?Action=PrepareUploadUGC"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static boolean plainHttpFails(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() >= 400;
        } catch (Exception e) {
            return true;
        }
    }

    private static SSLContext trusting(X509Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("openvod", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), new SecureRandom());
        return context;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
