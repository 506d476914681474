package io.openvod.server.config;

import io.openvod.core.ErrorCode;
import io.openvod.core.ErrorKind;

/** Errors of starting OpenVOD's services, listed in docs/errors.md. */
public enum ServerError implements ErrorCode {
    PORT_IN_USE(ErrorKind.CONFLICT, "a service's port is taken by another process; the message names the service, the port and how "
            + "to pick another");

    private final ErrorKind kind;
    private final String summary;

    ServerError(ErrorKind kind, String summary) {
        this.kind = kind;
        this.summary = summary;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String summary() {
        return summary;
    }
}
