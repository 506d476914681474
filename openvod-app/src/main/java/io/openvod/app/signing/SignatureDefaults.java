package io.openvod.app.signing;

/**
 * Account-wide values every signature carries.
 *
 * @param subAppId the {@code vodSubAppId}; 0 leaves it out
 * @param storageRegion the {@code storageRegion}; empty leaves it out
 */
public record SignatureDefaults(long subAppId, String storageRegion) {
    public static final SignatureDefaults NONE = new SignatureDefaults(0, "");
}
