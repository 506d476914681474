/**
 * The composition root of OpenVOD: it reads the configuration, wires the modules together and
 * offers them as subcommands of the single {@code openvod} command. It is the only module that
 * names adapters; the others know ports.
 */
package io.openvod.server;
