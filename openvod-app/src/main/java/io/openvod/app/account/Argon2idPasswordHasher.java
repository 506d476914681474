package io.openvod.app.account;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106, version 0x13) password hashes in the PHC string format, e.g.
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (standard Base64 without padding).
 *
 * <p>New hashes use this hasher's {@link Argon2idParameters} and a fresh salt from
 * {@link SecureRandom}. {@link #verify} takes the cost from the stored hash, so hashes made with
 * older parameters keep working; {@link #needsRehash} tells when to store a new hash after a
 * successful sign-in. A stored hash whose cost exceeds {@link Argon2idParameters}' bounds, or that
 * is malformed in any way, simply does not verify. Passwords are encoded as UTF-8; the encoded
 * bytes are zeroed after use. Instances are immutable and thread-safe.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {
    private static final SecureRandom SHARED_RANDOM = new SecureRandom();

    /** A hasher with OWASP's minimum parameters, {@link Argon2idParameters#OWASP_MINIMUM}. */
    public static final Argon2idPasswordHasher DEFAULT = new Argon2idPasswordHasher(Argon2idParameters.OWASP_MINIMUM);

    private final Argon2idParameters parameters;
    private final SecureRandom random;

    public Argon2idPasswordHasher(Argon2idParameters parameters) {
        this(parameters, SHARED_RANDOM);
    }

    /** With a given source of salts (tests use a seeded one). */
    public Argon2idPasswordHasher(Argon2idParameters parameters, SecureRandom random) {
        this.parameters = Objects.requireNonNull(parameters, "parameters == null");
        this.random = Objects.requireNonNull(random, "random == null");
    }

    /** The parameters of new hashes. */
    public Argon2idParameters parameters() {
        return parameters;
    }

    @Override
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password == null");
        byte[] salt = new byte[parameters.saltLength()];
        random.nextBytes(salt);
        byte[] hash = derive(password, parameters, salt);
        return new PhcArgon2idHash(parameters, salt, hash).format();
    }

    @Override
    public boolean verify(char[] password, String storedHash) {
        if (password == null) {
            return false;
        }
        Optional<PhcArgon2idHash> stored = PhcArgon2idHash.parse(storedHash);
        if (stored.isEmpty()) {
            return false;
        }
        byte[] computed;
        try {
            computed = derive(password, stored.get().parameters(), stored.get().salt());
        } catch (RuntimeException unusable) {
            return false;
        }
        try {
            return MessageDigest.isEqual(computed, stored.get().hash());
        } finally {
            Arrays.fill(computed, (byte) 0);
        }
    }

    /**
     * True when {@code storedHash} was not made with this hasher's parameters (or is not a valid
     * hash at all), so the password should be hashed again once it has been verified.
     */
    public boolean needsRehash(String storedHash) {
        return PhcArgon2idHash.parse(storedHash).map(h -> !h.parameters().equals(parameters)).orElse(true);
    }

    /** Raw Argon2id output for a password and salt; exposed to the package for known-answer tests. */
    static byte[] derive(char[] password, Argon2idParameters cost, byte[] salt) {
        Argon2Parameters argon2 = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        byte[] passwordBytes = utf8(password);
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(argon2);
            byte[] out = new byte[cost.hashLength()];
            generator.generateBytes(passwordBytes, out);
            return out;
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
            argon2.clear();
        }
    }

    /** UTF-8 bytes of the password in an array of their own; the encoder's buffer is zeroed. */
    private static byte[] utf8(char[] password) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer encoded;
        try {
            encoded = encoder.encode(CharBuffer.wrap(password));
        } catch (CharacterCodingException cannotHappenWithReplace) {
            throw new IllegalStateException(cannotHappenWithReplace);
        }
        try {
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } finally {
            Arrays.fill(encoded.array(), (byte) 0);
        }
    }
}
