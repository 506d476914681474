package io.openvod.platform.storage.s3;

import io.openvod.platform.storage.StorageError;
import io.openvod.platform.storage.StorageException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Turns S3 client failures into {@link StorageException}s. Messages name the operation, the
 * object key and S3's error code, never the request's credentials or signature.
 */
final class S3Errors {
    private S3Errors() {
    }

    /** A missing object (not a missing bucket or multipart upload, which are store failures). */
    static boolean isNotFound(SdkException e) {
        if (e instanceof NoSuchKeyException) {
            return true;
        }
        if (e instanceof AwsServiceException service && service.statusCode() == 404) {
            String code = errorCode(service);
            return !"NoSuchBucket".equals(code) && !"NoSuchUpload".equals(code);
        }
        return false;
    }

    /** S3 has no multipart upload of the id (aborted, completed, or cleaned up). */
    static boolean isNoSuchUpload(SdkException e) {
        return e instanceof AwsServiceException service && "NoSuchUpload".equals(errorCode(service));
    }

    /** S3 refused to complete a multipart upload with the parts it was given. */
    static boolean isPartsRejected(SdkException e) {
        String code = errorCode(e);
        return "InvalidPart".equals(code) || "InvalidPartOrder".equals(code) || "EntityTooSmall".equals(code);
    }

    static boolean isRangeNotSatisfiable(SdkException e) {
        return e instanceof AwsServiceException service && service.statusCode() == 416;
    }

    static StorageException failure(String operation, String key, SdkException e) {
        if (isNotFound(e)) {
            return notFound(key);
        }
        String why;
        if (e instanceof AwsServiceException service) {
            String code = errorCode(service);
            why = (code == null ? "error" : code) + " (HTTP " + service.statusCode() + ")";
        } else {
            why = e.getClass().getSimpleName();
        }
        return new StorageException(StorageError.STORAGE_FAILED,
                "S3 " + operation + " of " + key + " failed: " + why, e);
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    /** S3's error code of a failure, or null when the service did not answer one. */
    static String errorCode(SdkException e) {
        return e instanceof AwsServiceException service ? errorCode(service) : null;
    }

    /** A body that ended before {@code length} bytes: nothing was stored. */
    static StorageException incomplete(BoundedDigestInputStream body, long length) {
        return new StorageException(StorageError.BODY_INCOMPLETE,
                "the data ended after " + body.count() + " of " + length + " bytes", body.failure());
    }

    static StorageException notFound(String key) {
        return new StorageException(StorageError.OBJECT_NOT_FOUND, "no object under key " + key);
    }

    static StorageException badRange(String key, long offset, long length, String why) {
        return new StorageException(StorageError.INVALID_RANGE,
                "range " + offset + "+" + length + " is outside object " + key + ": " + why);
    }
}
