/** Logging set-up: SLF4J everywhere, Logback behind it, writing to standard error. */
package io.openvod.server.logging;
