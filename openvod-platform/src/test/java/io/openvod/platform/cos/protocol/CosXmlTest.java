package io.openvod.platform.cos.protocol;

import static io.openvod.platform.cos.protocol.XmlAssert.all;
import static io.openvod.platform.cos.protocol.XmlAssert.child;
import static io.openvod.platform.cos.protocol.XmlAssert.childNames;
import static io.openvod.platform.cos.protocol.XmlAssert.parse;
import static io.openvod.platform.cos.protocol.XmlAssert.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class CosXmlTest {
    private static final String BUCKET = "abcdvodgzp1500000001-1250000000";
    private static final String KEY = "1500000001/abcdvodgzp1500000001/5285890784418605123/x2eWFXPftMEA.mp4";
    private static final Instant T = Instant.parse("2026-11-29T12:00:00Z");
    private static final CosIdentity OWNER =
            new CosIdentity("qcs::cam::uin/100000000001:uin/100000000001", "100000000001");
    private static final String MD5_1 = "9e107d9d372bb6826bd81d3542a419d6";
    private static final String MD5_2 = "e4d909c290d0fb1ca068ffaddf22cbd0";

    @Test
    void everyDocumentStartsWithTheXmlDeclaration() {
        byte[] xml = CosXml.initiateMultipartUploadResult(BUCKET, KEY, "u1");
        assertThat(new String(xml, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(CosXml.CONTENT_TYPE).isEqualTo("application/xml");
    }

    @Test
    void initiateMultipartUploadResult() {
        Element root = parse(CosXml.initiateMultipartUploadResult(BUCKET, KEY, "1764417600a1b2c3"));
        assertThat(root.getTagName()).isEqualTo("InitiateMultipartUploadResult");
        assertThat(childNames(root)).containsExactly("Bucket", "Key", "UploadId");
        assertThat(text(root, "Bucket")).isEqualTo(BUCKET);
        assertThat(text(root, "Key")).isEqualTo(KEY);
        assertThat(text(root, "UploadId")).isEqualTo("1764417600a1b2c3");
    }

    @Test
    void listPartsResultWithParts() {
        PartListing listing = new PartListing(BUCKET, null, KEY, "up-1", null, null, 0, 2, 1000, false, List.of(
                new PartEntry(1, MD5_1, 8_388_608, T),
                new PartEntry(2, MD5_2, 1_234, T.plusMillis(1_500))));
        byte[] bytes = CosXml.listPartsResult(listing);
        Element root = parse(bytes);

        assertThat(root.getTagName()).isEqualTo("ListPartsResult");
        assertThat(childNames(root)).containsExactly("Bucket", "Key", "UploadId", "PartNumberMarker",
                "NextPartNumberMarker", "StorageClass", "MaxParts", "IsTruncated", "Part", "Part");
        assertThat(text(root, "Bucket")).isEqualTo(BUCKET);
        assertThat(text(root, "Key")).isEqualTo(KEY);
        assertThat(text(root, "UploadId")).isEqualTo("up-1");
        assertThat(text(root, "PartNumberMarker")).isEqualTo("0");
        assertThat(text(root, "NextPartNumberMarker")).isEqualTo("2");
        assertThat(text(root, "StorageClass")).isEqualTo("STANDARD");
        assertThat(text(root, "MaxParts")).isEqualTo("1000");
        assertThat(text(root, "IsTruncated")).isEqualTo("false");

        List<Element> parts = all(root, "Part");
        assertThat(childNames(parts.get(0))).containsExactly("PartNumber", "LastModified", "ETag", "Size");
        assertThat(text(parts.get(0), "PartNumber")).isEqualTo("1");
        assertThat(text(parts.get(0), "LastModified")).isEqualTo("2026-11-29T12:00:00.000Z");
        assertThat(text(parts.get(0), "ETag")).isEqualTo("\"" + MD5_1 + "\"");
        assertThat(text(parts.get(0), "Size")).isEqualTo("8388608");
        assertThat(text(parts.get(1), "PartNumber")).isEqualTo("2");
        assertThat(text(parts.get(1), "LastModified")).isEqualTo("2026-11-29T12:00:01.500Z");
        assertThat(text(parts.get(1), "ETag")).isEqualTo("\"" + MD5_2 + "\"");
        assertThat(text(parts.get(1), "Size")).isEqualTo("1234");
        // the quotes are literal, which parsers that do not decode entities read correctly too
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("<ETag>\"" + MD5_1 + "\"</ETag>");
    }

    @Test
    void listPartsResultTruncatedWithOwnersAndUrlEncoding() {
        PartListing listing = new PartListing(BUCKET, "url", "dir/a b+c&d.mp4", "up-1", OWNER, OWNER,
                5, 6, 1, true, List.of(new PartEntry(6, MD5_1, 10, T)));
        Element root = parse(CosXml.listPartsResult(listing));

        assertThat(childNames(root)).containsExactly("Bucket", "Encoding-type", "Key", "UploadId", "Initiator", "Owner",
                "PartNumberMarker", "NextPartNumberMarker", "StorageClass", "MaxParts", "IsTruncated", "Part");
        assertThat(text(root, "Encoding-type")).isEqualTo("url");
        assertThat(text(root, "Key")).isEqualTo("dir/a%20b%2Bc%26d.mp4");
        assertThat(text(child(root, "Initiator"), "ID")).isEqualTo(OWNER.id());
        assertThat(text(child(root, "Initiator"), "DisplayName")).isEqualTo(OWNER.displayName());
        assertThat(text(child(root, "Owner"), "ID")).isEqualTo(OWNER.id());
        assertThat(text(root, "IsTruncated")).isEqualTo("true");
        assertThat(text(root, "PartNumberMarker")).isEqualTo("5");
        assertThat(text(root, "MaxParts")).isEqualTo("1");
    }

    @Test
    void listPartsResultWithoutParts() {
        Element root = parse(CosXml.listPartsResult(
                new PartListing(BUCKET, null, KEY, "up-1", null, null, 0, 0, 1000, false, List.of())));
        assertThat(all(root, "Part")).isEmpty();
        assertThat(text(root, "NextPartNumberMarker")).isEqualTo("0");
    }

    @Test
    void onlyUrlEncodingTypeIsWritable() {
        PartListing listing = new PartListing(BUCKET, "base64", KEY, "up", null, null, 0, 0, 1000, false, List.of());
        assertThatThrownBy(() -> CosXml.listPartsResult(listing)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listMultipartUploadsResultEmptyIsTheFirstUploadAnswer() {
        UploadListing listing = new UploadListing(BUCKET, null, null, null, null, null, 1000, false, KEY, null,
                List.of(), List.of(), null);
        Element root = parse(CosXml.listMultipartUploadsResult(listing));

        assertThat(root.getTagName()).isEqualTo("ListMultipartUploadsResult");
        assertThat(childNames(root)).containsExactly("Bucket", "KeyMarker", "UploadIdMarker", "NextKeyMarker",
                "NextUploadIdMarker", "MaxUploads", "IsTruncated", "Prefix");
        assertThat(text(root, "Bucket")).isEqualTo(BUCKET);
        assertThat(text(root, "KeyMarker")).isEmpty();
        assertThat(text(root, "UploadIdMarker")).isEmpty();
        assertThat(text(root, "NextKeyMarker")).isEmpty();
        assertThat(text(root, "NextUploadIdMarker")).isEmpty();
        assertThat(text(root, "MaxUploads")).isEqualTo("1000");
        assertThat(text(root, "IsTruncated")).isEqualTo("false");
        assertThat(text(root, "Prefix")).isEqualTo(KEY);
    }

    @Test
    void listMultipartUploadsResultWithUploads() {
        UploadListing listing = new UploadListing(BUCKET, null, "a", "u0", KEY, "u2", 2, true, "", null, List.of(
                new UploadEntry(KEY, "u1", T),
                new UploadEntry(KEY, "u2", T.plusSeconds(60))), List.of(), OWNER);
        Element root = parse(CosXml.listMultipartUploadsResult(listing));

        assertThat(text(root, "KeyMarker")).isEqualTo("a");
        assertThat(text(root, "UploadIdMarker")).isEqualTo("u0");
        assertThat(text(root, "NextKeyMarker")).isEqualTo(KEY);
        assertThat(text(root, "NextUploadIdMarker")).isEqualTo("u2");
        assertThat(text(root, "IsTruncated")).isEqualTo("true");
        assertThat(text(root, "MaxUploads")).isEqualTo("2");
        List<Element> uploads = all(root, "Upload");
        assertThat(uploads).hasSize(2);
        assertThat(childNames(uploads.get(0)))
                .containsExactly("Key", "UploadId", "StorageClass", "Initiator", "Owner", "Initiated");
        assertThat(text(uploads.get(0), "Key")).isEqualTo(KEY);
        assertThat(text(uploads.get(0), "UploadId")).isEqualTo("u1");
        assertThat(text(uploads.get(0), "StorageClass")).isEqualTo("STANDARD");
        assertThat(text(child(uploads.get(0), "Owner"), "ID")).isEqualTo(OWNER.id());
        assertThat(text(child(uploads.get(0), "Initiator"), "DisplayName")).isEqualTo(OWNER.displayName());
        assertThat(text(uploads.get(0), "Initiated")).isEqualTo("2026-11-29T12:00:00.000Z");
        assertThat(text(uploads.get(1), "UploadId")).isEqualTo("u2");
        assertThat(text(uploads.get(1), "Initiated")).isEqualTo("2026-11-29T12:01:00.000Z");
    }

    @Test
    void listMultipartUploadsResultWithDelimiterAndUrlEncoding() {
        UploadListing listing = new UploadListing(BUCKET, "url", null, null, null, null, 1000, false, "a b/", "/",
                List.of(new UploadEntry("a b/c+d", "u1", T)), List.of("a b/sub/"), null);
        Element root = parse(CosXml.listMultipartUploadsResult(listing));

        assertThat(childNames(root)).containsExactly("Bucket", "Encoding-Type", "KeyMarker", "UploadIdMarker",
                "NextKeyMarker", "NextUploadIdMarker", "MaxUploads", "IsTruncated", "Prefix", "Delimiter",
                "Upload", "CommonPrefixes");
        assertThat(text(root, "Encoding-Type")).isEqualTo("url");
        assertThat(text(root, "Prefix")).isEqualTo("a%20b/");
        assertThat(text(root, "Delimiter")).isEqualTo("/");
        assertThat(text(child(root, "Upload"), "Key")).isEqualTo("a%20b/c%2Bd");
        assertThat(childNames(child(root, "Upload"))).containsExactly("Key", "UploadId", "StorageClass", "Initiated");
        assertThat(text(child(root, "CommonPrefixes"), "Prefix")).isEqualTo("a%20b/sub/");
    }

    @Test
    void completeMultipartUploadResult() {
        String location = BUCKET + ".cos.ap-guangzhou.myqcloud.com/" + KEY;
        Element root = parse(CosXml.completeMultipartUploadResult(location, BUCKET, KEY, "\"abc-3\""));
        assertThat(root.getTagName()).isEqualTo("CompleteMultipartUploadResult");
        assertThat(childNames(root)).containsExactly("Location", "Bucket", "Key", "ETag");
        assertThat(text(root, "Location")).isEqualTo(location);
        assertThat(text(root, "Bucket")).isEqualTo(BUCKET);
        assertThat(text(root, "Key")).isEqualTo(KEY);
        assertThat(text(root, "ETag")).isEqualTo("\"abc-3\"");
    }

    @Test
    void errorWithDefaultMessage() {
        Element root = parse(CosXml.error(CosErrorCode.NO_SUCH_UPLOAD, null, "/" + KEY, "req-1"));
        assertThat(root.getTagName()).isEqualTo("Error");
        assertThat(childNames(root)).containsExactly("Code", "Message", "Resource", "RequestId");
        assertThat(text(root, "Code")).isEqualTo("NoSuchUpload");
        assertThat(text(root, "Message")).isEqualTo(CosErrorCode.NO_SUCH_UPLOAD.defaultMessage());
        assertThat(text(root, "Resource")).isEqualTo("/" + KEY);
        assertThat(text(root, "RequestId")).isEqualTo("req-1");
    }

    @Test
    void errorWithTraceIdAndServerTimeForClockSkew() {
        Element root = parse(CosXml.error(CosErrorCode.ACCESS_DENIED, CosErrorCode.REQUEST_EXPIRED_MESSAGE, "/k",
                "req-2", "trace-2", Instant.parse("2026-11-29T12:00:00.789Z")));
        assertThat(childNames(root)).containsExactly("Code", "Message", "Resource", "RequestId", "TraceId", "ServerTime");
        assertThat(text(root, "Code")).isEqualTo("AccessDenied");
        assertThat(text(root, "Message")).isEqualTo("Request has expired");
        assertThat(text(root, "TraceId")).isEqualTo("trace-2");
        assertThat(text(root, "ServerTime")).isEqualTo("2026-11-29T12:00:00Z");
        assertThat(Instant.parse(text(root, "ServerTime"))).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
    }

    @Test
    void errorFromException() {
        CosProtocolException failure = new CosProtocolException(CosErrorCode.INVALID_PART_ORDER, "parts out of order");
        Element root = parse(CosXml.error(failure, "/k", "req-3", null));
        assertThat(text(root, "Code")).isEqualTo("InvalidPartOrder");
        assertThat(text(root, "Message")).isEqualTo("parts out of order");
        assertThat(all(root, "ServerTime")).isEmpty();
    }

    @Test
    void textIsEscapedAndStaysWellFormed() {
        String nasty = "a<b>&c\"d'e ]]> \u0001 \r\n \uD83C\uDFAC";
        byte[] bytes = CosXml.error(CosErrorCode.INVALID_ARGUMENT, nasty, "/x&y", "r<1>");
        Element root = parse(bytes);
        assertThat(text(root, "Message")).isEqualTo("a<b>&c\"d'e ]]> \uFFFD \r\n \uD83C\uDFAC");
        assertThat(text(root, "Resource")).isEqualTo("/x&y");
        assertThat(text(root, "RequestId")).isEqualTo("r<1>");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("a&lt;b&gt;&amp;c\"d'e ]]&gt;");
    }

    @Test
    void timestampHasMillisAndUtc() {
        assertThat(CosXml.timestamp(Instant.parse("2026-01-02T03:04:05.006007Z"))).isEqualTo("2026-01-02T03:04:05.006Z");
    }
}
