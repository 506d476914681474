package io.openvod.server.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The path token of the dev app's receipt URL ({@code /api/v1/vod/events/<pathToken>}), which the
 * dev platform pushes to. Made at random on the first {@code openvod dev} and kept in
 * {@code <state>/receipt-secrets.json} (readable by the owner only, where the file system allows),
 * so that a restart — and events the platform still retries — keep working. (The webhook secret
 * that signs the pushes is the dev application's own, kept by the platform.)
 *
 * @param pathToken 32 random characters of {@code A-Z a-z 0-9 _ -}
 */
record DevReceiptSecrets(String pathToken) {
    static final String FILE = "receipt-secrets.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    DevReceiptSecrets {
        if (pathToken == null || !pathToken.matches("[A-Za-z0-9_-]{16,128}")) {
            throw new IllegalArgumentException("pathToken must be 16 to 128 characters of A-Z a-z 0-9 _ -");
        }
    }

    /** The secrets kept in {@code stateDir}, made and written there first when there are none (or they are unreadable). */
    static DevReceiptSecrets loadOrCreate(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try {
                JsonNode kept = JSON.readTree(file.toFile());
                return new DevReceiptSecrets(kept.path("pathToken").asText(null));
            } catch (IOException | IllegalArgumentException e) {
                // A damaged file: make new secrets (events still queued for the old URL fail and are retried, then dead-lettered).
            }
        }
        DevReceiptSecrets made = new DevReceiptSecrets(Base64.getUrlEncoder().withoutPadding().encodeToString(random(24)));
        made.write(file);
        return made;
    }

    private void write(Path file) {
        ObjectNode node = JSON.createObjectNode().put("pathToken", pathToken);
        try {
            OwnerOnlyFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the dev secrets", e);
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Never the token itself. */
    @Override
    public String toString() {
        return "DevReceiptSecrets[****]";
    }
}
