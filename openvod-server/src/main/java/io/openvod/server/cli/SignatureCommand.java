package io.openvod.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code openvod signature sign|inspect}: the client-upload signature tools. */
@Command(name = "signature", description = "Create or inspect Tencent VOD client-upload signatures.",
        subcommands = {SignCommand.class, InspectCommand.class})
final class SignatureCommand {
    @ParentCommand
    OpenVodCommand root;
}
