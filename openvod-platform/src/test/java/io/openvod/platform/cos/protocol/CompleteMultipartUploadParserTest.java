package io.openvod.platform.cos.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompleteMultipartUploadParserTest {
    /** The exact body cos-js 1.8.3 sends (upload-protocol.md §4.4). */
    private static final String SPEC_BODY = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&quot;etag-1&quot;</ETag></Part>"
            + "<Part><PartNumber>2</PartNumber><ETag>&quot;etag-2&quot;</ETag></Part>"
            + "<Part><PartNumber>3</PartNumber><ETag>&quot;etag-3&quot;</ETag></Part></CompleteMultipartUpload>";

    private static final String MD5_1 = "9e107d9d372bb6826bd81d3542a419d6";
    private static final String MD5_2 = "e4d909c290d0fb1ca068ffaddf22cbd0";

    private static List<PartRef> parse(String body) {
        return CompleteMultipartUploadParser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static AbstractThrowableAssert<?, ?> assertRefused(String body, CosErrorCode code) {
        return assertThatThrownBy(() -> parse(body))
                .isInstanceOfSatisfying(CosProtocolException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void theSpecBodyParsesToThreePartsWithQuotesStripped() {
        assertThat(parse(SPEC_BODY)).containsExactly(
                new PartRef(1, "etag-1"), new PartRef(2, "etag-2"), new PartRef(3, "etag-3"));
    }

    @Test
    void theSpecBodyParsesFromAStreamWithinTheLimit() {
        byte[] body = SPEC_BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(CompleteMultipartUploadParser.parse(new ByteArrayInputStream(body), body.length)).hasSize(3);
    }

    @Test
    void prettyPrintedWithLiteralQuotesAndUpperCaseHex() {
        String body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <CompleteMultipartUpload>
                    <Part>
                        <PartNumber> 1 </PartNumber>
                        <ETag>"%s"</ETag>
                    </Part>
                    <Part>
                        <ETag>
                            "%s"
                        </ETag>
                        <PartNumber>3</PartNumber>
                    </Part>
                </CompleteMultipartUpload>
                """.formatted(MD5_1.toUpperCase(), MD5_2);
        assertThat(parse(body)).containsExactly(new PartRef(1, MD5_1), new PartRef(3, MD5_2));
    }

    @Test
    void etagsWithoutQuotesCharacterReferencesOrCdata() {
        String body = "<CompleteMultipartUpload>"
                + "<Part><PartNumber>1</PartNumber><ETag>" + MD5_1 + "</ETag></Part>"
                + "<Part><PartNumber>2</PartNumber><ETag>&#34;" + MD5_2 + "&#x22;</ETag></Part>"
                + "<Part><PartNumber>3</PartNumber><ETag><![CDATA[\"" + MD5_1 + "\"]]></ETag></Part>"
                + "</CompleteMultipartUpload>";
        assertThat(parse(body)).containsExactly(
                new PartRef(1, MD5_1), new PartRef(2, MD5_2), new PartRef(3, MD5_1));
    }

    @Test
    void namespacesCommentsAndUnknownElementsAreTolerated() {
        String body = "<?xml version=\"1.0\"?><!-- sent by an S3 client -->"
                + "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Part><ChecksumCRC32>AAAAAA==</ChecksumCRC32><PartNumber>1</PartNumber>"
                + "<!-- c --><ETag>\"" + MD5_1 + "\"</ETag><Extra><Nested>x</Nested></Extra></Part>"
                + "<Unknown>ignored</Unknown>"
                + "</CompleteMultipartUpload><!-- trailing -->";
        assertThat(parse(body)).containsExactly(new PartRef(1, MD5_1));
    }

    @Test
    void leadingZerosAndTheLargestPartNumber() {
        String body = "<CompleteMultipartUpload><Part><PartNumber>007</PartNumber><ETag>a</ETag></Part>"
                + "<Part><PartNumber>10000</PartNumber><ETag>b</ETag></Part></CompleteMultipartUpload>";
        assertThat(parse(body)).containsExactly(new PartRef(7, "a"), new PartRef(10000, "b"));
    }

    @Test
    void gapsBetweenPartNumbersAreAllowed() {
        assertThat(parse(body(1, 3, 9))).extracting(PartRef::partNumber).containsExactly(1, 3, 9);
    }

    @Test
    void partsOutOfOrderOrRepeated() {
        assertRefused(body(2, 1), CosErrorCode.INVALID_PART_ORDER);
        assertRefused(body(1, 1), CosErrorCode.INVALID_PART_ORDER);
        assertRefused(body(1, 2, 3, 2), CosErrorCode.INVALID_PART_ORDER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "10001", "-1", "-0", "99999999999999999999999"})
    void partNumberOutOfRange(String number) {
        assertRefused("<CompleteMultipartUpload><Part><PartNumber>" + number + "</PartNumber><ETag>a</ETag></Part>"
                + "</CompleteMultipartUpload>", CosErrorCode.INVALID_ARGUMENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        " \n ",
        "not xml",
        "{\"Part\":[]}",
        "<CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>a</ETag></Part>",
        "<CompleteMultipartUpload></CompleteMultipartUpload>",
        "<CompleteMultipartUpload/>",
        "<CompleteMultipartUpload><Unknown/></CompleteMultipartUpload>",
        "<Other><Part><PartNumber>1</PartNumber><ETag>a</ETag></Part></Other>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><ETag>a</ETag></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><PartNumber>2</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>a</ETag><ETag>b</ETag></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>one</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>1.0</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>+1</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber><n>1</n></PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload>text<Part><PartNumber>1</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload><Second/>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>a</Etag></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&nbsp;</ETag></Part></CompleteMultipartUpload>",
    })
    void malformedBodies(String body) {
        assertRefused(body, CosErrorCode.MALFORMED_XML);
    }

    @Test
    void anEmptyStreamIsMalformed() {
        assertThatThrownBy(() -> CompleteMultipartUploadParser.parse(InputStream.nullInputStream(), 1024))
                .isInstanceOfSatisfying(CosProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(CosErrorCode.MALFORMED_XML));
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        String passwd = Files.exists(Path.of("/etc/passwd")) ? Files.readString(Path.of("/etc/passwd")) : "root:x:0:0";
        String firstLine = passwd.lines().findFirst().orElse("root:x:0:0");
        List<String> attacks = List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&e;</ETag></Part></CompleteMultipartUpload>",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                "<!DOCTYPE CompleteMultipartUpload SYSTEM \"file:///etc/passwd\">"
                        + "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>",
                "<!DOCTYPE x [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>"
                        + "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>",
                "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&e;</ETag></Part></CompleteMultipartUpload>");
        for (String attack : attacks) {
            assertThatThrownBy(() -> parse(attack))
                    .isInstanceOfSatisfying(CosProtocolException.class, e -> {
                        assertThat(e.code()).isEqualTo(CosErrorCode.MALFORMED_XML);
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            assertThat(String.valueOf(t.getMessage())).doesNotContain(firstLine);
                        }
                    });
        }
    }

    /**
     * Found by CompleteMultipartUploadParserFuzzTest: the JDK's StAX reader fails a control character
     * inside a DTD with a MissingResourceException (its message key has no text), not an XMLStreamException.
     */
    @Test
    void aControlCharacterInsideADtdIsMalformedXml() {
        assertRefused("<!DOCTYPE x [\u0001\u0000\u0000\u0000<!ENTITY a \"b\">]><rt><PartNumber>1</Part&quultipratUpload>",
                CosErrorCode.MALFORMED_XML);
        assertRefused("<!DOCTYPE x [\u0001]><CompleteMultipartUpload/>", CosErrorCode.MALFORMED_XML);
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">");
        }
        String body = dtd + "]><CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&lol9;</ETag></Part>"
                + "</CompleteMultipartUpload>";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertRefused(body, CosErrorCode.MALFORMED_XML));
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        byte[] body = SPEC_BODY.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CompleteMultipartUploadParser.parse(new ByteArrayInputStream(body), body.length - 1))
                .isInstanceOfSatisfying(CosProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(CosErrorCode.ENTITY_TOO_LARGE));
    }

    @Test
    void theLimitStopsReadingAnEndlessStream() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
        assertThatThrownBy(() -> CompleteMultipartUploadParser.parse(endless, 64 * 1024))
                .isInstanceOfSatisfying(CosProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(CosErrorCode.ENTITY_TOO_LARGE));
    }

    @Test
    void tenThousandPartsFitTheDefaultLimitOnOneLineAndPrettyPrinted() {
        StringBuilder oneLine = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><CompleteMultipartUpload>");
        StringBuilder pretty = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CompleteMultipartUpload>\n");
        for (int n = 1; n <= 10_000; n++) {
            oneLine.append("<Part><PartNumber>").append(n).append("</PartNumber><ETag>&quot;").append(MD5_1)
                    .append("&quot;</ETag></Part>");
            pretty.append("    <Part>\n        <PartNumber>").append(n).append("</PartNumber>\n        <ETag>&quot;")
                    .append(MD5_1).append("&quot;</ETag>\n    </Part>\n");
        }
        oneLine.append("</CompleteMultipartUpload>");
        pretty.append("</CompleteMultipartUpload>\n");
        for (StringBuilder body : List.of(oneLine, pretty)) {
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).isLessThan(CompleteMultipartUploadParser.DEFAULT_MAX_BYTES);
            List<PartRef> parts = CompleteMultipartUploadParser.parse(
                    new ByteArrayInputStream(bytes), CompleteMultipartUploadParser.DEFAULT_MAX_BYTES);
            assertThat(parts).hasSize(10_000);
            assertThat(parts.get(9_999)).isEqualTo(new PartRef(10_000, MD5_1));
        }
    }

    @Test
    void theLimitMustBePositive() {
        byte[] body = SPEC_BODY.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CompleteMultipartUploadParser.parse(new ByteArrayInputStream(body), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompleteMultipartUploadParser.parse(new ByteArrayInputStream(body), Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentParsesDoNotInterfere() throws Exception {
        List<Callable<List<PartRef>>> tasks = new ArrayList<>();
        for (int i = 1; i <= 32; i++) {
            int[] numbers = IntStream.rangeClosed(1, i).toArray();
            tasks.add(() -> parse(body(numbers)));
        }
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<PartRef>>> results = executor.invokeAll(tasks);
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).hasSize(i + 1);
            }
        }
    }

    @Test
    void aFailingStreamIsAnIoFailureNotAProtocolError() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> CompleteMultipartUploadParser.parse(broken, 1024)).isInstanceOf(UncheckedIOException.class);
    }

    private static String body(int... numbers) {
        StringBuilder body = new StringBuilder("<CompleteMultipartUpload>");
        for (int n : numbers) {
            body.append("<Part><PartNumber>").append(n).append("</PartNumber><ETag>\"").append(MD5_1).append("\"</ETag></Part>");
        }
        return body.append("</CompleteMultipartUpload>").toString();
    }
}
