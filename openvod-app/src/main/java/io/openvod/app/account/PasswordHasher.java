package io.openvod.app.account;

/** Hashes passwords for storage and checks them; the hash string names its algorithm and parameters. */
public interface PasswordHasher {

    /** A self-describing hash (e.g. PHC format) of the password with a fresh random salt. */
    String hash(char[] password);

    /** True when {@code password} matches {@code storedHash}; false for any malformed hash. Constant time in the hash. */
    boolean verify(char[] password, String storedHash);
}
