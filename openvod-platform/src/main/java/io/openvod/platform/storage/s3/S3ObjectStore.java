package io.openvod.platform.storage.s3;

import io.openvod.platform.storage.NativeMultipart;
import io.openvod.platform.storage.ObjectInfo;
import io.openvod.platform.storage.ObjectKeys;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.storage.StorageError;
import io.openvod.platform.storage.StorageException;
import io.openvod.platform.storage.StoredObject;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in an S3-compatible bucket (AWS S3, MinIO, Ceph, COS's S3 endpoint), optionally below a
 * key prefix. A PUT is atomic on the server, so a body that ends early is cut off and nothing is
 * stored; {@link #compose} is a multipart upload (see {@link S3Composer}). {@link #nativeMultipart}
 * hands out S3's own multipart upload, so that the parts of a client's multipart upload go
 * straight to S3 and S3 assembles them ({@link S3NativeMultipart}). The client sends
 * checksums only where S3 requires them, the setting S3-compatible servers handle best.
 *
 * <p>A failed put is not retried (its body is a one-pass stream), while reads, stats and the
 * steps of a compose are. One put holds at most 5 GiB, S3's limit for a single PUT; larger objects
 * are assembled with {@link #compose}.
 */
public final class S3ObjectStore implements ObjectStore {
    private static final int CHECK_TIMEOUT_SECONDS = 2;

    private final S3Client client;
    private final SdkHttpClient http;
    private final S3StoreSettings settings;
    private final S3Composer composer;
    private final S3NativeMultipart multipart;

    private S3ObjectStore(S3Client client, SdkHttpClient http, S3StoreSettings settings) {
        this.client = Objects.requireNonNull(client, "client == null");
        this.http = http;
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.composer = new S3Composer(client, settings.bucket());
        this.multipart = new S3NativeMultipart(client, settings);
    }

    /** A store with its own S3 client and HTTP client (both closed by {@link #close()}). */
    public static S3ObjectStore open(S3StoreSettings settings) {
        SdkHttpClient http = new ClosingOnFailureHttpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60))
                .build());
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(http)
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        settings.accessKeyId(), settings.secretAccessKey().reveal())))
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return new S3ObjectStore(builder.build(), http, settings);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The bytes go straight from {@code data} to S3. If {@code data} ends early or fails, the
     * request is cut off before its end, so S3 keeps the previous object.
     */
    @Override
    public StoredObject put(String key, InputStream data, long length) {
        String s3Key = s3Key(key);
        if (length < 0) {
            throw new IllegalArgumentException("length < 0");
        }
        BoundedDigestInputStream body = new BoundedDigestInputStream(data, length);
        try {
            client.putObject(b -> b.bucket(settings.bucket()).key(s3Key).contentLength(length),
                    RequestBody.fromInputStream(body, length));
        } catch (RuntimeException e) {
            // A failed attempt is retried only when the body can be replayed; once read, it
            // cannot, and the client then fails with an IllegalStateException instead.
            if (body.incomplete()) {
                throw S3Errors.incomplete(body, length);
            }
            if (e instanceof SdkException sdk) {
                throw S3Errors.failure("put", key, sdk);
            }
            throw new StorageException(StorageError.STORAGE_FAILED, "S3 put of " + key + " failed", e);
        }
        if (body.incomplete()) {
            // Not expected (the request cannot end before its body), but never keep a short object.
            delete(key);
            throw S3Errors.incomplete(body, length);
        }
        return new StoredObject(key, length, body.md5Hex());
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return head(key).map(r -> new ObjectInfo(key, r.contentLength(), r.lastModified()));
    }

    private Optional<HeadObjectResponse> head(String key) {
        String s3Key = s3Key(key);
        try {
            return Optional.of(client.headObject(b -> b.bucket(settings.bucket()).key(s3Key)));
        } catch (SdkException e) {
            if (S3Errors.isNotFound(e)) {
                return Optional.empty();
            }
            throw S3Errors.failure("stat", key, e);
        }
    }

    /** {@inheritDoc} A ranged GET: only the bytes asked for leave S3. */
    @Override
    public InputStream read(String key, long offset, long length) {
        String s3Key = s3Key(key);
        if (offset < 0 || length < 0) {
            throw S3Errors.badRange(key, offset, length, "negative");
        }
        if (length == 0) { // S3 has no empty range: check the object and the offset instead
            long size = stat(key).orElseThrow(() -> S3Errors.notFound(key)).size();
            if (offset > size) {
                throw S3Errors.badRange(key, offset, length, "object has " + size + " bytes");
            }
            return InputStream.nullInputStream();
        }
        long last = offset + length - 1;
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = client.getObject(b -> b.bucket(settings.bucket()).key(s3Key).range("bytes=" + offset + "-" + last));
        } catch (SdkException e) {
            if (S3Errors.isRangeNotSatisfiable(e)) {
                throw S3Errors.badRange(key, offset, length, "starts past the end");
            }
            throw S3Errors.failure("read", key, e);
        }
        GetObjectResponse response = in.response();
        String contentRange = response.contentRange();
        boolean exact = contentRange != null
                ? contentRange.startsWith("bytes " + offset + "-" + last + "/")
                : offset == 0 && response.contentLength() != null && response.contentLength() == length;
        if (!exact) {
            in.abort();
            throw S3Errors.badRange(key, offset, length, "the store answered " + contentRange);
        }
        return in;
    }

    @Override
    public ObjectInfo compose(String target, List<String> sources) {
        String targetKey = s3Key(target);
        sources.forEach(ObjectKeys::require);
        List<S3Composer.Source> found = new ArrayList<>(sources.size());
        for (String source : sources) {
            HeadObjectResponse head = head(source).orElseThrow(() -> S3Errors.notFound(source));
            found.add(new S3Composer.Source(s3Key(source), head.contentLength(), head.eTag()));
        }
        try {
            composer.compose(targetKey, found);
        } catch (SdkException e) {
            if (S3Errors.isNotFound(e)) {
                throw new StorageException(StorageError.OBJECT_NOT_FOUND,
                        "a source of " + target + " was deleted while it was being composed", e);
            }
            throw S3Errors.failure("compose", target, e);
        }
        return stat(target).orElseThrow(() -> new StorageException(StorageError.STORAGE_FAILED,
                "object " + target + " vanished right after it was composed"));
    }

    @Override
    public boolean delete(String key) {
        String s3Key = s3Key(key);
        if (head(key).isEmpty()) {
            return false;
        }
        try {
            client.deleteObject(b -> b.bucket(settings.bucket()).key(s3Key));
            return true;
        } catch (SdkException e) {
            throw S3Errors.failure("delete", key, e);
        }
    }

    /** {@inheritDoc} S3 keys below the prefix that are not valid object keys are left out. */
    @Override
    public List<String> list(String prefix) {
        if (prefix == null || prefix.length() > ObjectKeys.MAX_LENGTH || !prefix.chars().allMatch(S3ObjectStore::allowed)) {
            throw new StorageException(StorageError.INVALID_OBJECT_KEY, "invalid key prefix");
        }
        String start = settings.s3KeyStart();
        List<String> keys = new ArrayList<>();
        try {
            for (S3Object object : client.listObjectsV2Paginator(
                    b -> b.bucket(settings.bucket()).prefix(start + prefix)).contents()) {
                String key = object.key().substring(start.length());
                if (ObjectKeys.isValid(key)) {
                    keys.add(key);
                }
            }
        } catch (SdkException e) {
            throw S3Errors.failure("list", prefix, e);
        }
        keys.sort(null);
        return keys;
    }

    private static boolean allowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-' || c == '/';
    }

    /** {@inheritDoc} Always empty: the objects are remote. */
    @Override
    public Optional<Path> localFile(String key) {
        ObjectKeys.require(key);
        return Optional.empty();
    }

    /** {@inheritDoc} S3's own multipart upload ({@link S3NativeMultipart}). */
    @Override
    public Optional<NativeMultipart> nativeMultipart() {
        return Optional.of(multipart);
    }

    /** {@inheritDoc} HeadBucket, limited to {@value #CHECK_TIMEOUT_SECONDS} s. */
    @Override
    public void checkAvailable() {
        try {
            client.headBucket(b -> b.bucket(settings.bucket())
                    .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(CHECK_TIMEOUT_SECONDS))));
        } catch (SdkException e) {
            String why = e instanceof AwsServiceException service ? "HTTP " + service.statusCode() : e.getClass().getSimpleName();
            throw new StorageException(StorageError.STORAGE_FAILED, "S3 HeadBucket of " + settings.bucket() + " failed: " + why, e);
        }
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public void close() {
        client.close();
        http.close(); // given to the builder, so not closed with the S3 client
    }

    /** The client, for setup and inspection in tests. */
    S3Client client() {
        return client;
    }

    private String s3Key(String key) {
        return settings.s3Key(ObjectKeys.require(key));
    }
}
