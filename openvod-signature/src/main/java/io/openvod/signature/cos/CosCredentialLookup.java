package io.openvod.signature.cos;

import io.openvod.signature.SecretKeyLookup;
import io.openvod.signature.Credential;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds the credential (secret key and expected security token) behind a {@code q-ak}. */
@FunctionalInterface
public interface CosCredentialLookup {

    /** The credential whose secret id is {@code accessKeyId}, or empty when it is unknown or revoked. */
    Optional<CosCredential> credentialFor(String accessKeyId);

    /** A lookup over a fixed set of credentials. */
    static CosCredentialLookup of(CosCredential... credentials) {
        Map<String, CosCredential> byId = Arrays.stream(credentials)
                .collect(Collectors.toUnmodifiableMap(CosCredential::secretId, Function.identity()));
        return id -> Optional.ofNullable(byId.get(id));
    }

    /** Permanent keys from a {@link SecretKeyLookup}: no security token is expected. */
    static CosCredentialLookup permanent(SecretKeyLookup keys) {
        return id -> {
            Optional<String> key = keys.secretKeyFor(id);
            return key == null ? Optional.empty() : key.map(k -> CosCredential.permanent(new Credential(id, k)));
        };
    }
}
