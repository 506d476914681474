package io.openvod.signature;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * The parameters of a client-upload signature, immutable and validated.
 *
 * <p>Required: {@code secretId}, {@code currentTimeStamp}, {@code expireTime}, {@code random}.
 * Every optional parameter is either absent (left out of the signature) or present with a value;
 * a present empty string or zero is written out, which is what Tencent's Node sample does
 * ({@code procedure=&classId=0&oneTimeValid=0&sourceContext=}).
 *
 * <p>Build with {@link #builder()}; change a copy with {@link #newBuilder()}.
 */
public final class SignatureParameters {
    /** The longest validity Tencent VOD accepts: 90 days. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(90);
    /** {@code random} may be up to 2^32: Tencent's Node sample can produce that value. */
    public static final long MAX_RANDOM = 1L << 32;
    public static final int MAX_SOURCE_CONTEXT = 250;
    public static final int MAX_SESSION_CONTEXT = 1000;
    public static final int MIN_TASK_PRIORITY = -10;
    public static final int MAX_TASK_PRIORITY = 10;

    private final String secretId;
    private final long currentTimeStamp;
    private final long expireTime;
    private final long random;
    private final String procedure;
    private final Long classId;
    private final Integer taskPriority;
    private final TaskNotifyMode taskNotifyMode;
    private final Integer oneTimeValid;
    private final String sourceContext;
    private final String sessionContext;
    private final Long vodSubAppId;
    private final String storageRegion;

    private SignatureParameters(Builder b, long currentTimeStamp, long expireTime, long random) {
        this.secretId = b.secretId;
        this.currentTimeStamp = currentTimeStamp;
        this.expireTime = expireTime;
        this.random = random;
        this.procedure = b.procedure;
        this.classId = b.classId;
        this.taskPriority = b.taskPriority;
        this.taskNotifyMode = b.taskNotifyMode;
        this.oneTimeValid = b.oneTimeValid;
        this.sourceContext = b.sourceContext;
        this.sessionContext = b.sessionContext;
        this.vodSubAppId = b.vodSubAppId;
        this.storageRegion = b.storageRegion;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding a copy of these parameters. */
    public Builder newBuilder() {
        return new Builder(this);
    }

    public String secretId() {
        return secretId;
    }

    public long currentTimeStamp() {
        return currentTimeStamp;
    }

    public long expireTime() {
        return expireTime;
    }

    public long random() {
        return random;
    }

    public Optional<String> procedure() {
        return Optional.ofNullable(procedure);
    }

    public Optional<Long> classId() {
        return Optional.ofNullable(classId);
    }

    public Optional<Integer> taskPriority() {
        return Optional.ofNullable(taskPriority);
    }

    public Optional<TaskNotifyMode> taskNotifyMode() {
        return Optional.ofNullable(taskNotifyMode);
    }

    /** The raw {@code oneTimeValid} value (0 or 1) when present. */
    public Optional<Integer> oneTimeValidValue() {
        return Optional.ofNullable(oneTimeValid);
    }

    /** True when the signature may be used only once ({@code oneTimeValid=1}). */
    public boolean oneTimeValid() {
        return oneTimeValid != null && oneTimeValid == 1;
    }

    public Optional<String> sourceContext() {
        return Optional.ofNullable(sourceContext);
    }

    public Optional<String> sessionContext() {
        return Optional.ofNullable(sessionContext);
    }

    public Optional<Long> vodSubAppId() {
        return Optional.ofNullable(vodSubAppId);
    }

    public Optional<String> storageRegion() {
        return Optional.ofNullable(storageRegion);
    }

    public Instant issuedAt() {
        return Instant.ofEpochSecond(currentTimeStamp);
    }

    public Instant expiresAt() {
        return Instant.ofEpochSecond(expireTime);
    }

    public Duration validity() {
        return Duration.ofSeconds(expireTime - currentTimeStamp);
    }

    /**
     * The parameters in signing order: the four required ones, then the optional ones that are
     * present, in the order {@code procedure, classId, taskPriority, taskNotifyMode, oneTimeValid,
     * sourceContext, sessionContext, vodSubAppId, storageRegion}. This order reproduces Tencent's
     * published samples byte for byte.
     */
    public SequencedMap<String, String> toOrderedMap() {
        SequencedMap<String, String> m = new LinkedHashMap<>();
        m.put("secretId", secretId);
        m.put("currentTimeStamp", Long.toString(currentTimeStamp));
        m.put("expireTime", Long.toString(expireTime));
        m.put("random", Long.toString(random));
        putIfPresent(m, "procedure", procedure);
        putIfPresent(m, "classId", classId);
        putIfPresent(m, "taskPriority", taskPriority);
        putIfPresent(m, "taskNotifyMode", taskNotifyMode);
        putIfPresent(m, "oneTimeValid", oneTimeValid);
        putIfPresent(m, "sourceContext", sourceContext);
        putIfPresent(m, "sessionContext", sessionContext);
        putIfPresent(m, "vodSubAppId", vodSubAppId);
        putIfPresent(m, "storageRegion", storageRegion);
        return m;
    }

    private static void putIfPresent(SequencedMap<String, String> m, String key, Object value) {
        if (value != null) {
            m.put(key, value.toString());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignatureParameters other && toOrderedMap().equals(other.toOrderedMap());
    }

    @Override
    public int hashCode() {
        return toOrderedMap().hashCode();
    }

    @Override
    public String toString() {
        return "SignatureParameters" + toOrderedMap();
    }

    /**
     * Collects parameters; {@link #build()} validates them all at once. Setting an optional
     * parameter to {@code null} removes it.
     */
    public static final class Builder {
        private String secretId;
        private Long currentTimeStamp;
        private Long expireTime;
        private Long random;
        private String procedure;
        private Long classId;
        private Integer taskPriority;
        private TaskNotifyMode taskNotifyMode;
        private Integer oneTimeValid;
        private String sourceContext;
        private String sessionContext;
        private Long vodSubAppId;
        private String storageRegion;

        private Builder() {
        }

        private Builder(SignatureParameters p) {
            secretId(p.secretId).currentTimeStamp(p.currentTimeStamp).expireTime(p.expireTime).random(p.random);
            procedure = p.procedure;
            classId = p.classId;
            taskPriority = p.taskPriority;
            taskNotifyMode = p.taskNotifyMode;
            oneTimeValid = p.oneTimeValid;
            sourceContext = p.sourceContext;
            sessionContext = p.sessionContext;
            vodSubAppId = p.vodSubAppId;
            storageRegion = p.storageRegion;
        }

        public Builder secretId(String secretId) {
            this.secretId = secretId;
            return this;
        }

        /** Unix seconds when the signature is issued. */
        public Builder currentTimeStamp(long epochSeconds) {
            this.currentTimeStamp = epochSeconds;
            return this;
        }

        /** Unix seconds when the signature stops being valid. */
        public Builder expireTime(long epochSeconds) {
            this.expireTime = epochSeconds;
            return this;
        }

        /** Sets {@code currentTimeStamp} to {@code issuedAt} (whole seconds) and {@code expireTime} to issuedAt + validity. */
        public Builder validity(Instant issuedAt, Duration validity) {
            long now = issuedAt.getEpochSecond();
            return currentTimeStamp(now).expireTime(now + validity.toSeconds());
        }

        public Builder random(long random) {
            this.random = random;
            return this;
        }

        public Builder procedure(String procedure) {
            this.procedure = procedure;
            return this;
        }

        public Builder classId(Long classId) {
            this.classId = classId;
            return this;
        }

        public Builder taskPriority(Integer taskPriority) {
            this.taskPriority = taskPriority;
            return this;
        }

        public Builder taskNotifyMode(TaskNotifyMode taskNotifyMode) {
            this.taskNotifyMode = taskNotifyMode;
            return this;
        }

        /** Writes {@code oneTimeValid=1} when true and {@code oneTimeValid=0} when false. */
        public Builder oneTimeValid(boolean oneTimeValid) {
            this.oneTimeValid = oneTimeValid ? 1 : 0;
            return this;
        }

        /** Removes {@code oneTimeValid} from the signature. */
        public Builder clearOneTimeValid() {
            this.oneTimeValid = null;
            return this;
        }

        public Builder sourceContext(String sourceContext) {
            this.sourceContext = sourceContext;
            return this;
        }

        public Builder sessionContext(String sessionContext) {
            this.sessionContext = sessionContext;
            return this;
        }

        public Builder vodSubAppId(Long vodSubAppId) {
            this.vodSubAppId = vodSubAppId;
            return this;
        }

        public Builder storageRegion(String storageRegion) {
            this.storageRegion = storageRegion;
            return this;
        }

        /**
         * Validates and freezes the parameters.
         *
         * @throws IllegalArgumentException naming the first invalid parameter and its value
         */
        public SignatureParameters build() {
            ParameterRules.requireText("secretId", secretId);
            ParameterRules.requireNoControl("secretId", secretId);
            ParameterRules.requireWellFormed("secretId", secretId);
            long issued = ParameterRules.required("currentTimeStamp", currentTimeStamp);
            long expires = ParameterRules.required("expireTime", expireTime);
            long rnd = ParameterRules.required("random", random);
            ParameterRules.requireRange("currentTimeStamp", issued, 0, Long.MAX_VALUE);
            ParameterRules.requireRange("random", rnd, 0, MAX_RANDOM);
            if (expires <= issued) {
                throw new IllegalArgumentException("expireTime " + expires
                        + " must be after currentTimeStamp " + issued);
            }
            if (expires - issued > MAX_VALIDITY.toSeconds()) {
                throw new IllegalArgumentException("validity " + (expires - issued)
                        + " s exceeds the maximum of " + MAX_VALIDITY.toSeconds() + " s (90 days)");
            }
            if (classId != null) {
                ParameterRules.requireRange("classId", classId, 0, Long.MAX_VALUE);
            }
            if (taskPriority != null) {
                ParameterRules.requireRange("taskPriority", taskPriority, MIN_TASK_PRIORITY, MAX_TASK_PRIORITY);
            }
            if (oneTimeValid != null) {
                ParameterRules.requireRange("oneTimeValid", oneTimeValid, 0, 1);
            }
            ParameterRules.requireMaxCodePoints("sourceContext", sourceContext, MAX_SOURCE_CONTEXT);
            ParameterRules.requireMaxCodePoints("sessionContext", sessionContext, MAX_SESSION_CONTEXT);
            ParameterRules.requireWellFormed("procedure", procedure);
            ParameterRules.requireWellFormed("sourceContext", sourceContext);
            ParameterRules.requireWellFormed("sessionContext", sessionContext);
            if (vodSubAppId != null) {
                ParameterRules.requireRange("vodSubAppId", vodSubAppId, 0, Long.MAX_VALUE);
            }
            ParameterRules.requireRegion("storageRegion", storageRegion);
            return new SignatureParameters(this, issued, expires, rnd);
        }
    }
}
