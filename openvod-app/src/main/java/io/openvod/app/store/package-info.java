/**
 * Persistence of the app backend: {@link io.openvod.app.store.AppDatabase} (a pooled SQLite or
 * PostgreSQL database whose schema Flyway migrates from {@code db/app}) and the SQL adapters of the
 * app's ports: {@link io.openvod.app.store.SqlAccountStore}, {@link io.openvod.app.store.SqlSignatureLedger},
 * {@link io.openvod.app.store.SqlReceivedEvents} and {@link io.openvod.app.store.SqlVideos}. This is
 * the only package that knows JDBI and SQL; the adapters store what the domain decides.
 *
 * <p>The SQL is the subset both databases accept: times are BIGINT epoch milliseconds, booleans
 * INTEGER 0/1, upserts {@code INSERT … ON CONFLICT (…) DO UPDATE}, "store once" inserts
 * {@code INSERT … ON CONFLICT (…) DO NOTHING}. Only a row read to be changed is read differently
 * ({@code FOR UPDATE} on PostgreSQL, see {@code Engine}). Several app nodes may share one
 * PostgreSQL database: quotas, request ids, received events and video changes stay exact (see each
 * adapter). No table has a column for a VOD secret key, a signature, a password or a bearer token.
 * The audit rows ({@code issued_signatures}) and received events keep the trace id of their upload
 * ({@code trace_id}, NULL for rows of no trace); the adapters store it as the domain gives it.
 */
package io.openvod.app.store;
