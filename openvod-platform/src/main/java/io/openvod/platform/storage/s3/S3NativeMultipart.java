package io.openvod.platform.storage.s3;

import io.openvod.platform.storage.NativeMultipart;
import io.openvod.platform.storage.ObjectInfo;
import io.openvod.platform.storage.ObjectKeys;
import io.openvod.platform.storage.StorageError;
import io.openvod.platform.storage.StorageException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * S3's own multipart upload behind {@link NativeMultipart}: CreateMultipartUpload, UploadPart (the
 * body streams straight through, its MD5 computed on the way), UploadPartCopy, Complete and Abort.
 * A Complete that finds its upload gone checks whether the object is already the one those parts
 * make (S3's multipart ETag: the MD5 of the parts' MD5s, then {@code -<count>}), so a Complete
 * retried after a lost answer succeeds.
 */
final class S3NativeMultipart implements NativeMultipart {
    private final S3Client client;
    private final S3StoreSettings settings;

    S3NativeMultipart(S3Client client, S3StoreSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public String begin(String key) {
        String s3Key = s3Key(key);
        try {
            return client.createMultipartUpload(b -> b.bucket(settings.bucket()).key(s3Key)).uploadId();
        } catch (SdkException e) {
            throw S3Errors.failure("begin multipart upload", key, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>If {@code data} ends early or fails, the request is cut off before its end, so S3 keeps
     * the part it had under that number.
     */
    @Override
    public StoredPart uploadPart(String key, String uploadId, int partNumber, InputStream data, long length) {
        String s3Key = s3Key(key);
        if (length < 0) {
            throw new IllegalArgumentException("length < 0");
        }
        BoundedDigestInputStream body = new BoundedDigestInputStream(data, length);
        String etag;
        try {
            etag = client.uploadPart(b -> b.bucket(settings.bucket()).key(s3Key).uploadId(uploadId).partNumber(partNumber)
                    .contentLength(length), RequestBody.fromInputStream(body, length)).eTag();
        } catch (RuntimeException e) {
            if (body.incomplete()) {
                throw S3Errors.incomplete(body, length);
            }
            if (e instanceof SdkException sdk) {
                throw failure("upload part " + partNumber + " of", key, sdk);
            }
            throw new StorageException(StorageError.STORAGE_FAILED, "S3 upload of part " + partNumber + " of " + key + " failed", e);
        }
        if (body.incomplete()) { // not expected: the request cannot end before its body
            throw S3Errors.incomplete(body, length);
        }
        return new StoredPart(partNumber, length, body.md5Hex(), etag);
    }

    @Override
    public PartEtag copyPart(String key, String uploadId, int partNumber, String sourceKey) {
        String s3Key = s3Key(key);
        String source = s3Key(sourceKey);
        try {
            return new PartEtag(partNumber, client.uploadPartCopy(b -> b.sourceBucket(settings.bucket()).sourceKey(source)
                            .destinationBucket(settings.bucket()).destinationKey(s3Key).uploadId(uploadId).partNumber(partNumber))
                    .copyPartResult().eTag());
        } catch (SdkException e) {
            if (S3Errors.isNotFound(e)) {
                throw S3Errors.notFound(sourceKey);
            }
            throw failure("copy " + sourceKey + " in as part " + partNumber + " of", key, e);
        }
    }

    @Override
    public ObjectInfo complete(String key, String uploadId, List<PartEtag> parts) {
        String s3Key = s3Key(key);
        List<CompletedPart> completed = parts.stream()
                .map(p -> CompletedPart.builder().partNumber(p.partNumber()).eTag(p.etag()).build()).toList();
        try {
            client.completeMultipartUpload(b -> b.bucket(settings.bucket()).key(s3Key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(completed)));
        } catch (SdkException e) {
            if (!(S3Errors.isNoSuchUpload(e) && head(s3Key).map(h -> sameEtag(h.eTag(), parts)).orElse(false))) {
                throw failure("complete", key, e);
            }
        }
        HeadObjectResponse head = head(s3Key).orElseThrow(() -> new StorageException(StorageError.STORAGE_FAILED,
                "object " + key + " vanished right after its multipart upload was completed"));
        return new ObjectInfo(key, head.contentLength(), head.lastModified());
    }

    @Override
    public void abort(String key, String uploadId) {
        String s3Key = s3Key(key);
        try {
            client.abortMultipartUpload(b -> b.bucket(settings.bucket()).key(s3Key).uploadId(uploadId));
        } catch (SdkException e) {
            if (!S3Errors.isNoSuchUpload(e)) {
                throw failure("abort", key, e);
            }
        }
    }

    private Optional<HeadObjectResponse> head(String s3Key) {
        try {
            return Optional.of(client.headObject(b -> b.bucket(settings.bucket()).key(s3Key)));
        } catch (SdkException e) {
            if (S3Errors.isNotFound(e)) {
                return Optional.empty();
            }
            throw S3Errors.failure("stat", s3Key, e);
        }
    }

    /** Whether {@code objectEtag} is the multipart ETag S3 gives the concatenation of {@code parts}. */
    static boolean sameEtag(String objectEtag, List<PartEtag> parts) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
        for (PartEtag part : parts) {
            String hex = unquote(part.etag());
            if (!hex.matches("[0-9a-fA-F]{32}")) {
                return false;
            }
            md5.update(HexFormat.of().parseHex(hex));
        }
        return objectEtag != null
                && unquote(objectEtag).equalsIgnoreCase(HexFormat.of().formatHex(md5.digest()) + "-" + parts.size());
    }

    private static String unquote(String etag) {
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }

    private static StorageException failure(String operation, String key, SdkException e) {
        if (S3Errors.isNoSuchUpload(e)) {
            return new StorageException(StorageError.MULTIPART_UPLOAD_NOT_FOUND,
                    "S3 has no multipart upload of that id for " + key + " any more", e);
        }
        if (S3Errors.isPartsRejected(e)) {
            return new StorageException(StorageError.PARTS_REJECTED, "S3 refused the parts to " + operation + " " + key
                    + ": " + S3Errors.errorCode(e), e);
        }
        return S3Errors.failure(operation, key, e);
    }

    private String s3Key(String key) {
        return settings.s3Key(ObjectKeys.require(key));
    }
}
