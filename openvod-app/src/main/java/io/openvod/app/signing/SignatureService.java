package io.openvod.app.signing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openvod.app.AppError;
import io.openvod.app.AppException;
import io.openvod.app.account.Account;
import io.openvod.app.account.AccountStore;
import io.openvod.app.account.Principal;
import io.openvod.app.ledger.IssuedSignature;
import io.openvod.app.ledger.Reservation;
import io.openvod.app.ledger.SignatureLedger;
import io.openvod.app.policy.Grant;
import io.openvod.app.policy.RolePolicy;
import io.openvod.app.policy.SignatureRequest;
import io.openvod.app.policy.UploadPolicy;
import io.openvod.core.trace.LogContext;
import io.openvod.core.trace.TraceParent;
import io.openvod.core.trace.TraceStep;
import io.openvod.core.trace.Tracing;
import io.openvod.signature.Credential;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.UploadSigner;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signature distribution service's core: for an authenticated user, apply the policy, reserve
 * the quota while recording the audit row, and sign with the active key.
 */
public final class SignatureService {
    private static final Logger LOG = LoggerFactory.getLogger(SignatureService.class);

    private final AccountStore accounts;
    private final UploadPolicy policy;
    private final SignatureLedger ledger;
    private final SigningKeys keys;
    private final SignatureDefaults defaults;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Tracing tracing;
    private final SecureRandom random = new SecureRandom();
    /** Answers are finished on virtual threads, so the ledger's writer thread only commits. */
    private static final java.util.concurrent.Executor ANSWERS = command -> Thread.ofVirtual().start(command);

    public SignatureService(AccountStore accounts, UploadPolicy policy, SignatureLedger ledger, SigningKeys keys,
                            SignatureDefaults defaults, Clock clock, Tracing tracing) {
        this(accounts, policy, ledger, keys, defaults, clock, new SimpleMeterRegistry(), tracing);
    }

    /**
     * A service that counts what it does in {@code metrics}: {@code openvod_signatures_issued_total}
     * and {@code openvod_signatures_refused_total{reason}} (the {@link AppError}'s name), and runs
     * each issue as the root step {@code signature} of the upload's trace in {@code tracing}.
     */
    public SignatureService(AccountStore accounts, UploadPolicy policy, SignatureLedger ledger, SigningKeys keys,
                            SignatureDefaults defaults, Clock clock, MeterRegistry metrics, Tracing tracing) {
        this.metrics = metrics;
        Counter.builder("openvod.signatures.issued").description("upload signatures issued").register(metrics);
        this.accounts = accounts;
        this.policy = policy;
        this.ledger = ledger;
        this.keys = keys;
        this.defaults = defaults;
        this.clock = clock;
        this.tracing = tracing;
    }

    /**
     * Issues a signature or refuses with the precise {@link AppError}, without blocking on the
     * ledger. Policy refusals throw at once; the returned future completes with the signature once
     * its audit row is committed, or fails with the quota refusal ({@link AppException}) or the
     * ledger's error.
     *
     * <p>It is the first step of the upload's trace: the root step {@code signature}, whose trace id
     * is the request id's 32 hex digits and span id its last 16 ({@link TraceParent#ofRequestId}),
     * with {@code openvod.user_id} and {@code openvod.procedure}; a refusal marks it failed with the
     * error's name. The step ends when the answer is decided; the audit row keeps its trace id.
     *
     * @param requestId the id of this request (the HTTP edge's {@code X-Request-Id}, a UUID); it goes
     *     into sourceContext and the audit row, so one id traces the request from the client to the events
     * @throws AppException for every refusal the policy makes
     * @throws IllegalArgumentException when {@code requestId} is not a UUID
     */
    public CompletableFuture<IssuedUploadSignature> issue(Principal principal, SignatureRequest request, String clientIp,
                                                               String requestId) {
        TraceParent ids = TraceParent.ofRequestId(requestId)
                .orElseThrow(() -> new IllegalArgumentException("requestId must be a UUID, not " + requestId));
        // the step outlives this call (it ends on the thread that answers): this scope gives this thread its log ids back
        try (LogContext thisThread = LogContext.of(ids)) {
            TraceStep step = tracing.root("signature", ids).attribute("openvod.user_id", principal.userId());
            try {
                return decide(principal, request, clientIp, requestId, step);
            } catch (RuntimeException e) {
                AppError reason = e instanceof AppException refusal ? refusal.error() : AppError.INTERNAL_ERROR;
                step.failed(reason.name());
                step.close();
                if (e instanceof AppException) {
                    refused(reason);
                }
                throw e;
            }
        }
    }

    private void refused(AppError reason) {
        Counter.builder("openvod.signatures.refused").description("upload signature requests refused, by reason")
                .tag("reason", reason.name()).register(metrics).increment();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private CompletableFuture<IssuedUploadSignature> decide(Principal principal, SignatureRequest request, String clientIp,
                                                            String requestId, TraceStep step) {
        Credential key = keys.active().orElseThrow(() ->
                new AppException(AppError.NO_SIGNING_KEY, "no active VOD key is configured (app.vod)"));
        Optional<Account> account = accounts.find(principal.userId());
        if (account.map(Account::banned).orElse(false)) {
            throw new AppException(AppError.USER_BANNED, "user " + principal.userId() + " is banned");
        }
        String role = policy.roleOf(principal.userId(), account.map(Account::role).filter(r -> !r.isEmpty()), principal.role());
        RolePolicy effective = policy.effective(principal.userId(), role);
        Grant grant = policy.decide(effective, request);
        step.attribute("openvod.procedure", grant.procedure().orElse(null));

        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String context = new SourceContext(principal.userId(), requestId).encode();
        SignatureParameters.Builder b = SignatureParameters.builder()
                .secretId(key.secretId())
                .validity(now, grant.validity())
                .random(random.nextLong(1L << 32))
                .sourceContext(context);
        grant.procedure().ifPresent(p -> b.procedure(p).sessionContext(context));
        grant.classId().ifPresent(b::classId);
        if (grant.oneTimeValid()) {
            b.oneTimeValid(true);
        }
        if (defaults.subAppId() > 0) {
            b.vodSubAppId(defaults.subAppId());
        }
        if (!defaults.storageRegion().isEmpty()) {
            b.storageRegion(defaults.storageRegion());
        }
        SignatureParameters parameters;
        try {
            parameters = b.build();
        } catch (IllegalArgumentException e) {
            throw new AppException(AppError.BAD_REQUEST, e.getMessage());
        }
        IssuedSignature audit = new IssuedSignature(requestId, principal.userId(), key.secretId(), parameters.issuedAt(),
                parameters.expiresAt(), parameters.random(), parameters.procedure(), parameters.classId(),
                parameters.oneTimeValid(), context, parameters.sessionContext(), request.fileName(), request.fileSize(), clientIp,
                Optional.of(step.context().traceId()));
        Instant dayStart = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        IssuedUploadSignature issued = new IssuedUploadSignature(UploadSigner.sign(parameters, key.secretKey()), requestId, parameters,
                step.context());
        return ledger.recordWithinQuotaAsync(audit, grant.quota(), dayStart).handleAsync((reservation, failure) -> {
            try (LogContext logs = LogContext.ofRequest(requestId, step.context()); step) {
                return answer(step, principal.userId(), failure, reservation, issued, now, dayStart);
            }
        }, ANSWERS);
    }

    /** The answer once the ledger decided, counted and recorded on the step. */
    private IssuedUploadSignature answer(TraceStep step, String userId, Throwable failure, Reservation reservation,
                                         IssuedUploadSignature issued, Instant now, Instant dayStart) {
        try {
            if (failure != null) {
                throw unwrap(failure) instanceof RuntimeException r ? r : new CompletionException(unwrap(failure));
            }
            switch (reservation) {
                case Reservation.Recorded r -> LOG.info("issued signature {} to {} (key {}, procedure {}, uploads today {})",
                        issued.requestId(), userId, issued.parameters().secretId(),
                        issued.parameters().procedure().orElse("-"), r.usage().uploads());
                case Reservation.UploadsExceeded e -> throw new AppException(AppError.UPLOAD_QUOTA_EXCEEDED,
                        "upload quota of " + e.limit() + " per day is used up", secondsUntilTomorrow(now, dayStart));
                case Reservation.BytesExceeded e -> throw new AppException(AppError.BYTES_QUOTA_EXCEEDED,
                        "declared bytes would exceed the quota of " + e.limit() + " per day (used " + e.usage().bytes() + ")",
                        secondsUntilTomorrow(now, dayStart));
            }
            metrics.counter("openvod.signatures.issued").increment();
            return issued;
        } catch (RuntimeException e) {
            AppError reason = unwrap(e) instanceof AppException refusal ? refusal.error() : AppError.INTERNAL_ERROR;
            step.failed(reason.name());
            refused(reason);
            throw e;
        }
    }

    private static long secondsUntilTomorrow(Instant now, Instant dayStart) {
        return dayStart.plus(1, ChronoUnit.DAYS).getEpochSecond() - now.getEpochSecond();
    }
}
