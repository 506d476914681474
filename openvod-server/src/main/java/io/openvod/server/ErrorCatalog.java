package io.openvod.server;

import io.openvod.app.AppError;
import io.openvod.core.CommonError;
import io.openvod.core.ConfigError;
import io.openvod.core.ErrorCode;
import io.openvod.core.SignatureError;
import io.openvod.platform.media.MediaError;
import io.openvod.platform.storage.StorageError;
import io.openvod.platform.ugc.UgcError;
import io.openvod.server.config.ServerError;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every error code OpenVOD can report, from every area. A test keeps the codes unique and
 * {@code docs/errors.md} complete; an area that adds an {@link ErrorCode} enum lists it here.
 */
public final class ErrorCatalog {
    private static final List<ErrorCode> ALL = Stream.of(
                    CommonError.values(),
                    ConfigError.values(),
                    SignatureError.values(),
                    AppError.values(),
                    UgcError.values(),
                    StorageError.values(),
                    MediaError.values(),
                    ServerError.values())
            .flatMap(Stream::of)
            .map(ErrorCode.class::cast)
            .toList();

    private ErrorCatalog() {
    }

    public static List<ErrorCode> all() {
        return ALL;
    }
}
