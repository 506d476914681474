/** The platform's SQL database and its schema (Flyway migrations under {@code db/platform}). */
package io.openvod.platform.sql;
