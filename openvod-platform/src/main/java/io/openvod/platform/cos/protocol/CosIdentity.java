package io.openvod.platform.cos.protocol;

import java.util.Objects;

/**
 * The {@code <ID>}/{@code <DisplayName>} pair COS writes for an upload's {@code Initiator} and
 * {@code Owner}, e.g. {@code qcs::cam::uin/100000000001:uin/100000000001}.
 */
public record CosIdentity(String id, String displayName) {
    public CosIdentity {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(displayName, "displayName == null");
    }
}
