/**
 * Persistence of the app backend: {@link io.openvod.app.store.AppDatabase} (a pooled SQLite or
 * PostgreSQL database whose schema Flyway migrates from {@code db/app}) and the SQL
 * implementations of the account and ledger ports, {@link io.openvod.app.store.SqlAccountStore}
 * and {@link io.openvod.app.store.SqlSignatureLedger}.
 *
 * <p>The SQL is the subset both databases accept: times are BIGINT epoch milliseconds, booleans
 * INTEGER 0/1, upserts {@code INSERT … ON CONFLICT (…) DO UPDATE}. No table has a column for a
 * VOD secret key, a signature, a password or a bearer token.
 */
package io.openvod.app.store;
