package io.openvod.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.CommonError;
import io.openvod.core.OpenVodException;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.TaskNotifyMode;
import io.openvod.signature.UploadSigner;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code openvod signature sign}: prints a client-upload signature for the given parameters. */
@Command(name = "sign", description = {
        "Print a client-upload signature, byte-compatible with Tencent VOD's.",
        "The secret key is read from standard input (--secret-key-stdin), $OPENVOD_SECRET_KEY, or the keys: of openvod.yaml."})
final class SignCommand implements Callable<Integer> {
    private static final SecureRandom RANDOM = new SecureRandom();

    @ParentCommand
    SignatureCommand parent;
    @Spec
    CommandSpec spec;

    @Option(names = "--secret-id", required = true, description = "The SecretId to sign for.")
    String secretId;
    @Option(names = "--secret-key-stdin", description = "Read the secret key from the first line of standard input.")
    boolean secretKeyStdin;
    @Option(names = "--validity", converter = DurationArg.class, defaultValue = "10m",
            description = "How long the signature stays valid (at most 90d). Default: ${DEFAULT-VALUE}.")
    Duration validity;
    @Option(names = "--current-time", converter = InstantArg.class,
            description = "currentTimeStamp as Unix seconds or ISO-8601 (default: now).")
    Instant currentTime;
    @Option(names = "--random", description = "The random value, 0..4294967296 (default: a fresh secure random).")
    Long random;
    @Option(names = "--procedure", description = "Task flow to run after upload.")
    String procedure;
    @Option(names = "--class-id", description = "Media category id.")
    Long classId;
    @Option(names = "--task-priority", description = "Task-flow priority, -10..10.")
    Integer taskPriority;
    @Option(names = "--task-notify-mode", description = "Finish, Change or None.")
    TaskNotifyMode taskNotifyMode;
    @Option(names = "--source-context", description = "Echoed in NewFileUpload (at most 250 characters).")
    String sourceContext;
    @Option(names = "--session-context", description = "Echoed in ProcedureStateChanged (at most 1000 characters).")
    String sessionContext;
    @Option(names = "--one-time-valid", arity = "0..1", fallbackValue = "1", paramLabel = "0|1",
            description = {"Write oneTimeValid: 1 (alone, or with 1) allows one use only, 0 any number of uses.",
                    "Without the option the field is left out (Tencent reads that as 0)."})
    String oneTimeValid;
    @Option(names = "--sub-app-id", description = "vodSubAppId.")
    Long subAppId;
    @Option(names = "--storage-region", description = "Storage region, e.g. ap-guangzhou.")
    String storageRegion;
    @Option(names = "--json", description = "Print JSON: signature, original, issuedAt, expiresAt.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        OpenVodCommand root = parent.root;
        String secretKey = SecretKeySource.require(secretId, secretKeyStdin, root.stdin(), root.environment(), root.config());
        SignatureParameters parameters = parameters(Clock.systemUTC());
        String signature = UploadSigner.sign(parameters, secretKey);
        if (json) {
            ObjectNode out = new ObjectMapper().createObjectNode()
                    .put("signature", signature)
                    .put("original", UploadSigner.original(parameters))
                    .put("issuedAt", parameters.issuedAt().toString())
                    .put("expiresAt", parameters.expiresAt().toString());
            spec.commandLine().getOut().println(out.toPrettyString());
        } else {
            spec.commandLine().getOut().println(signature);
        }
        return 0;
    }

    SignatureParameters parameters(Clock clock) {
        Instant issued = currentTime != null ? currentTime : clock.instant();
        SignatureParameters.Builder b = SignatureParameters.builder()
                .secretId(secretId)
                .validity(issued, validity)
                .random(random != null ? random : RANDOM.nextLong(1L << 32))
                .procedure(procedure)
                .classId(classId)
                .taskPriority(taskPriority)
                .taskNotifyMode(taskNotifyMode)
                .sourceContext(sourceContext)
                .sessionContext(sessionContext)
                .vodSubAppId(subAppId)
                .storageRegion(storageRegion);
        try {
            if (oneTimeValid != null) {
                b.oneTimeValid(oneTimeValid(oneTimeValid));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new OpenVodException(CommonError.INVALID_ARGUMENT, e.getMessage(), e);
        }
    }

    /** {@code --one-time-valid}'s value: 0 or 1, as the signature writes it. */
    private static boolean oneTimeValid(String value) {
        return switch (value.strip()) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new IllegalArgumentException("oneTimeValid must be 0 or 1, not " + value);
        };
    }
}
