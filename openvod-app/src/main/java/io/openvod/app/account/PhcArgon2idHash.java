package io.openvod.app.account;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format,
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, with salt and hash in
 * standard Base64 without padding. Parsing is strict: anything else is not a hash.
 */
record PhcArgon2idHash(Argon2idParameters parameters, byte[] salt, byte[] hash) {
    static final String PREFIX = "$argon2id$v=19$";
    /** Longer than any hash within {@link Argon2idParameters}' bounds. */
    private static final int MAX_LENGTH = 256;
    private static final Pattern COST = Pattern.compile("m=([0-9]{1,10}),t=([0-9]{1,10}),p=([0-9]{1,10})");
    private static final Pattern B64 = Pattern.compile("[A-Za-z0-9+/]+");

    String format() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p=" + parameters.parallelism()
                + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** The parsed hash, or empty when {@code phc} is not a well-formed Argon2id v19 hash within bounds. */
    static Optional<PhcArgon2idHash> parse(String phc) {
        if (phc == null || phc.length() > MAX_LENGTH || !phc.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = phc.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Matcher cost = COST.matcher(parts[0]);
        if (!cost.matches()) {
            return Optional.empty();
        }
        Optional<byte[]> salt = decode(parts[1]);
        Optional<byte[]> hash = decode(parts[2]);
        if (salt.isEmpty() || hash.isEmpty()) {
            return Optional.empty();
        }
        long m = Long.parseLong(cost.group(1));
        long t = Long.parseLong(cost.group(2));
        long p = Long.parseLong(cost.group(3));
        if (m > Argon2idParameters.MAX_MEMORY_KIB || t > Argon2idParameters.MAX_ITERATIONS
                || p > Argon2idParameters.MAX_PARALLELISM) {
            return Optional.empty();
        }
        try {
            Argon2idParameters parameters = new Argon2idParameters(
                    (int) m, (int) t, (int) p, salt.get().length, hash.get().length);
            return Optional.of(new PhcArgon2idHash(parameters, salt.get(), hash.get()));
        } catch (IllegalArgumentException outOfBounds) {
            return Optional.empty();
        }
    }

    /** Decodes canonical unpadded Base64 only, so that one hash has exactly one spelling. */
    private static Optional<byte[]> decode(String text) {
        if (!B64.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            if (!Base64.getEncoder().withoutPadding().encodeToString(bytes).equals(text)) {
                return Optional.empty();
            }
            return Optional.of(bytes);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
