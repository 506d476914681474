package io.openvod.server.cli;

import io.openvod.core.SignatureError;
import io.openvod.server.config.OpenVodConfig;
import io.openvod.server.config.SignatureConfig;
import io.openvod.signature.DecodedSignature;
import io.openvod.signature.UploadSignatureDecoder;
import io.openvod.signature.UploadSignatureVerifier;
import io.openvod.signature.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code openvod signature inspect SIGNATURE}: decodes a signature, shows every field and its
 * validity, and verifies it when a secret key is available. Exit status 0 when valid or not
 * verified, 2 when it cannot be decoded, 3 when verification rejects it.
 */
@Command(name = "inspect", description = {
        "Decode a client-upload signature, show every field and whether it verifies.",
        "The key comes from standard input (--secret-key-stdin), $OPENVOD_SECRET_KEY, or the keys: of openvod.yaml."})
final class InspectCommand implements Callable<Integer> {
    @ParentCommand
    SignatureCommand parent;
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SIGNATURE", description = "The signature (Base64).")
    String signature;
    @Option(names = "--secret-key-stdin", description = "Read the secret key from the first line of standard input.")
    boolean secretKeyStdin;
    @Option(names = "--now", converter = InstantArg.class,
            description = "Judge expiry at this time (Unix seconds or ISO-8601) instead of now.")
    Instant now;
    @Option(names = "--json", description = "Print the inspection as JSON.")
    boolean json;

    @Override
    public Integer call() {
        OpenVodCommand root = parent.root;
        OpenVodConfig config = root.config();
        SignatureConfig rules = config.signature();
        Instant at = now != null ? now : Instant.now();
        Verdict<DecodedSignature> decoded = new UploadSignatureDecoder(rules.maxLength()).decode(signature);
        SignatureInspection inspection;
        if (decoded instanceof Verdict.Accepted<DecodedSignature>(DecodedSignature d)) {
            String secretId = d.fields().getOrDefault("secretId", "");
            Optional<String> key = SecretKeySource.find(secretId, secretKeyStdin, root.stdin(), root.environment(), config);
            Optional<Verdict<?>> verdict = key.map(k -> UploadSignatureVerifier
                    .builder(id -> id.equals(secretId) ? Optional.of(k) : Optional.empty())
                    .clock(Clock.fixed(at, ZoneOffset.UTC))
                    .clockSkew(rules.clockSkew())
                    .maxValidity(rules.maxValidity())
                    .maxLength(rules.maxLength())
                    .build()
                    .verify(signature));
            inspection = new SignatureInspection(Optional.of(d), Optional.empty(), at, verdict);
        } else {
            inspection = new SignatureInspection(Optional.empty(), Optional.of((Verdict.Rejected<?>) decoded), at, Optional.empty());
        }
        spec.commandLine().getOut().print(json ? InspectionRenderer.json(inspection) : InspectionRenderer.text(inspection));
        return switch (inspection.status()) {
            case "MALFORMED" -> SignatureError.SIGNATURE_MALFORMED.kind().exitStatus();
            case "REJECTED" -> SignatureError.SIGNATURE_REJECTED.kind().exitStatus();
            default -> 0;
        };
    }
}
