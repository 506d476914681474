package io.openvod.server.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the jar's manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"openvod " + (version != null ? version : "(development build)")
                + " on Java " + Runtime.version()};
    }
}
