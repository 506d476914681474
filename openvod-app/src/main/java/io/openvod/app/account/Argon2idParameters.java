package io.openvod.app.account;

/**
 * The cost of an Argon2id hash (version 0x13). The defaults are OWASP's minimum for Argon2id:
 * 19 MiB of memory, 2 passes, 1 lane, with a 16-byte salt and a 32-byte hash.
 *
 * <p>The upper bounds are also what {@link Argon2idPasswordHasher#verify} accepts from a stored
 * hash, so that an edited database row cannot make one sign-in allocate gigabytes or run for
 * minutes.
 *
 * @param memoryKiB memory in KiB ({@code m}); at least {@code 8 × parallelism}
 * @param iterations passes over the memory ({@code t})
 * @param parallelism lanes ({@code p})
 * @param saltLength salt bytes for new hashes
 * @param hashLength output bytes
 */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism, int saltLength, int hashLength) {
    /** The most memory a hash may ask for: 1 GiB. */
    public static final int MAX_MEMORY_KIB = 1 << 20;
    /** The most passes a hash may ask for. */
    public static final int MAX_ITERATIONS = 20;
    /** The most lanes a hash may ask for. */
    public static final int MAX_PARALLELISM = 16;
    /** Salt bounds in bytes (RFC 9106 recommends 16). */
    public static final int MIN_SALT_LENGTH = 8;
    public static final int MAX_SALT_LENGTH = 64;
    /** Hash bounds in bytes. */
    public static final int MIN_HASH_LENGTH = 16;
    public static final int MAX_HASH_LENGTH = 64;

    /** OWASP's minimum for Argon2id: m=19456 KiB, t=2, p=1; 16-byte salt, 32-byte hash. */
    public static final Argon2idParameters OWASP_MINIMUM = new Argon2idParameters(19 * 1024, 2, 1, 16, 32);

    public Argon2idParameters {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1.." + MAX_PARALLELISM + ", not " + parallelism);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException(
                    "memoryKiB must be " + 8 * parallelism + ".." + MAX_MEMORY_KIB + ", not " + memoryKiB);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1.." + MAX_ITERATIONS + ", not " + iterations);
        }
        if (saltLength < MIN_SALT_LENGTH || saltLength > MAX_SALT_LENGTH) {
            throw new IllegalArgumentException(
                    "saltLength must be " + MIN_SALT_LENGTH + ".." + MAX_SALT_LENGTH + ", not " + saltLength);
        }
        if (hashLength < MIN_HASH_LENGTH || hashLength > MAX_HASH_LENGTH) {
            throw new IllegalArgumentException(
                    "hashLength must be " + MIN_HASH_LENGTH + ".." + MAX_HASH_LENGTH + ", not " + hashLength);
        }
    }

    /** The same salt and hash lengths with another cost. */
    public Argon2idParameters withCost(int memoryKiB, int iterations, int parallelism) {
        return new Argon2idParameters(memoryKiB, iterations, parallelism, saltLength, hashLength);
    }
}
