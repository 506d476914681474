package io.openvod.app.policy;

import java.util.Optional;

/**
 * What a client may ask for when it requests a signature; everything else is the policy's to decide.
 *
 * @param procedure a task flow from the role's allow-list
 * @param classId a category from the role's allow-list
 * @param fileName the name of the file to upload (recorded for audit)
 * @param fileSize its size in bytes (checked against the maximum and the bytes quota)
 */
public record SignatureRequest(Optional<String> procedure, Optional<Long> classId, Optional<String> fileName,
                               Optional<Long> fileSize) {
    public static final SignatureRequest EMPTY = new SignatureRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
