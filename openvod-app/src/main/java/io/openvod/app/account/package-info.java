/**
 * Who may use the app backend: {@link io.openvod.app.account.Account}s and their bearer tokens
 * (kept as SHA-256 hashes, {@link io.openvod.app.account.StoredToken}) behind the
 * {@link io.openvod.app.account.AccountStore} port, and password hashing behind
 * {@link io.openvod.app.account.PasswordHasher}, implemented by
 * {@link io.openvod.app.account.Argon2idPasswordHasher} (Argon2id, PHC string format, OWASP's
 * minimum cost by default).
 */
package io.openvod.app.account;
