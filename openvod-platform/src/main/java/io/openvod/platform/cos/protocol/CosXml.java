package io.openvod.platform.cos.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The XML bodies of the COS object API's answers, with elements in the order COS writes them and
 * no namespace. Each method returns the complete UTF-8 document, starting with {@code <?xml
 * version="1.0" encoding="UTF-8"?>}; send it with {@code Content-Type: }{@value #CONTENT_TYPE}.
 *
 * <p>Text is escaped minimally (see {@link XmlWriter}): ETags carry literal quotes, as in
 * {@code <ETag>"9e107d9d372bb6826bd81d3542a419d6"</ETag>}; both cos-js and cos_api read that form.
 * Timestamps are ISO-8601 UTC with milliseconds ({@code 2026-11-29T12:00:00.000Z}). With {@code
 * encoding-type=url}, key-like fields are percent-encoded by {@link PercentEncoding#encode} with
 * {@code /} kept, which decodes correctly whether a client uses URI or form decoding.
 */
public final class CosXml {
    /** The media type of every body written here. */
    public static final String CONTENT_TYPE = "application/xml";
    /** The storage class reported for parts and uploads; OpenVOD has one. */
    public static final String STORAGE_CLASS = "STANDARD";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SERVER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private CosXml() {
    }

    /** {@code <InitiateMultipartUploadResult>}: Bucket, Key, UploadId. */
    public static byte[] initiateMultipartUploadResult(String bucket, String key, String uploadId) {
        return new XmlWriter(256)
                .start("InitiateMultipartUploadResult")
                .element("Bucket", bucket)
                .element("Key", key)
                .element("UploadId", uploadId)
                .end("InitiateMultipartUploadResult")
                .toBytes();
    }

    /**
     * {@code <ListPartsResult>}: Bucket, Encoding-type (when requested), Key, UploadId, Initiator and
     * Owner (when given), PartNumberMarker, NextPartNumberMarker, StorageClass, MaxParts,
     * IsTruncated, then one {@code <Part>} (PartNumber, LastModified, ETag, Size) per part.
     */
    public static byte[] listPartsResult(PartListing listing) {
        boolean url = urlEncoding(listing.encodingType());
        XmlWriter xml = new XmlWriter(512 + 160 * listing.parts().size())
                .start("ListPartsResult")
                .element("Bucket", listing.bucket())
                .optional("Encoding-type", listing.encodingType())
                .element("Key", keyField(listing.key(), url))
                .element("UploadId", listing.uploadId());
        identity(xml, "Initiator", listing.initiator());
        identity(xml, "Owner", listing.owner());
        xml.element("PartNumberMarker", listing.partNumberMarker())
                .element("NextPartNumberMarker", listing.nextPartNumberMarker())
                .element("StorageClass", STORAGE_CLASS)
                .element("MaxParts", listing.maxParts())
                .element("IsTruncated", listing.truncated());
        for (PartEntry part : listing.parts()) {
            xml.start("Part")
                    .element("PartNumber", part.partNumber())
                    .element("LastModified", timestamp(part.lastModified()))
                    .element("ETag", MultipartEtag.quote(part.etagHex()))
                    .element("Size", part.size())
                    .end("Part");
        }
        return xml.end("ListPartsResult").toBytes();
    }

    /**
     * {@code <ListMultipartUploadsResult>}: Bucket, Encoding-Type (when requested), KeyMarker,
     * UploadIdMarker, NextKeyMarker, NextUploadIdMarker, MaxUploads, IsTruncated, Prefix, Delimiter
     * (when given), then one {@code <Upload>} (Key, UploadId, StorageClass, Initiator, Owner,
     * Initiated) per upload and one {@code <CommonPrefixes>} per rolled-up prefix.
     */
    public static byte[] listMultipartUploadsResult(UploadListing listing) {
        boolean url = urlEncoding(listing.encodingType());
        XmlWriter xml = new XmlWriter(512 + 400 * listing.uploads().size())
                .start("ListMultipartUploadsResult")
                .element("Bucket", listing.bucket())
                .optional("Encoding-Type", listing.encodingType())
                .element("KeyMarker", keyField(listing.keyMarker(), url))
                .element("UploadIdMarker", listing.uploadIdMarker())
                .element("NextKeyMarker", keyField(listing.nextKeyMarker(), url))
                .element("NextUploadIdMarker", listing.nextUploadIdMarker())
                .element("MaxUploads", listing.maxUploads())
                .element("IsTruncated", listing.truncated())
                .element("Prefix", keyField(listing.prefix(), url))
                .optional("Delimiter", keyField(listing.delimiter(), url));
        for (UploadEntry upload : listing.uploads()) {
            xml.start("Upload")
                    .element("Key", keyField(upload.key(), url))
                    .element("UploadId", upload.uploadId())
                    .element("StorageClass", STORAGE_CLASS);
            identity(xml, "Initiator", listing.owner());
            identity(xml, "Owner", listing.owner());
            xml.element("Initiated", timestamp(upload.initiated())).end("Upload");
        }
        for (String prefix : listing.commonPrefixes()) {
            xml.start("CommonPrefixes").element("Prefix", keyField(prefix, url)).end("CommonPrefixes");
        }
        return xml.end("ListMultipartUploadsResult").toBytes();
    }

    /**
     * {@code <CompleteMultipartUploadResult>}: Location (see {@link CosAddress#location}), Bucket,
     * Key, ETag (quoted, as {@link MultipartEtag#multipartEtag} returns it).
     */
    public static byte[] completeMultipartUploadResult(String location, String bucket, String key, String quotedEtag) {
        return new XmlWriter(512)
                .start("CompleteMultipartUploadResult")
                .element("Location", location)
                .element("Bucket", bucket)
                .element("Key", key)
                .element("ETag", quotedEtag)
                .end("CompleteMultipartUploadResult")
                .toBytes();
    }

    /** {@code <Error>} without TraceId or ServerTime; a null {@code message} means the code's default message. */
    public static byte[] error(CosErrorCode code, String message, String resource, String requestId) {
        return error(code, message, resource, requestId, null, null);
    }

    /** {@code <Error>} for a refused request, with the exception's code and message. */
    public static byte[] error(CosProtocolException failure, String resource, String requestId, Instant serverTime) {
        return error(failure.code(), failure.getMessage(), resource, requestId, null, serverTime);
    }

    /**
     * {@code <Error>}: Code, Message, Resource, RequestId, then TraceId and ServerTime when not null.
     * ServerTime ({@code 2026-11-29T12:00:00Z}) lets cos-js correct its clock when the {@code Date}
     * header is not readable; send it with clock-skew and expired-signature errors.
     *
     * @param message null for the code's default message
     * @param resource the request path the error is about, e.g. {@code /<key>}
     */
    public static byte[] error(CosErrorCode code, String message, String resource, String requestId,
                               String traceId, Instant serverTime) {
        Objects.requireNonNull(code, "code == null");
        return new XmlWriter(512)
                .start("Error")
                .element("Code", code.code())
                .element("Message", message != null ? message : code.defaultMessage())
                .element("Resource", resource)
                .element("RequestId", requestId)
                .optional("TraceId", traceId)
                .optional("ServerTime", serverTime == null ? null : SERVER_TIME.format(serverTime))
                .end("Error")
                .toBytes();
    }

    /** Formats {@code instant} as COS listings do: {@code 2026-11-29T12:00:00.000Z}. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    private static boolean urlEncoding(String encodingType) {
        if (encodingType == null) {
            return false;
        }
        if (!encodingType.equals("url")) {
            throw new IllegalArgumentException("encoding-type must be \"url\" or absent: " + encodingType);
        }
        return true;
    }

    private static String keyField(String value, boolean url) {
        return value == null || !url ? value : PercentEncoding.encode(value, true);
    }

    private static void identity(XmlWriter xml, String element, CosIdentity identity) {
        if (identity != null) {
            xml.start(element).element("ID", identity.id()).element("DisplayName", identity.displayName()).end(element);
        }
    }
}
