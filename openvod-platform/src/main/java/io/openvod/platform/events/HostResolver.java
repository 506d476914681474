package io.openvod.platform.events;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves a host name to its addresses (the system resolver, or a test's). */
@FunctionalInterface
public interface HostResolver {
    /** The operating system's resolver. */
    HostResolver SYSTEM = name -> List.of(InetAddress.getAllByName(name));

    /** Every address of {@code name}, never empty. */
    List<InetAddress> resolve(String name) throws UnknownHostException;
}
