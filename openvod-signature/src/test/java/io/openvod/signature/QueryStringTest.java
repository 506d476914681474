package io.openvod.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.signature.QueryString.MalformedQueryException;
import io.openvod.signature.QueryString.MalformedQueryException.Kind;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryStringTest {
    private static final String UNESCAPED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!'()*";

    @Test
    void escapeShouldMatchNodesQuerystringEscapeForEveryAsciiCharacter() {
        for (char c = 0; c < 128; c++) {
            String expected = UNESCAPED.indexOf(c) >= 0 ? String.valueOf(c) : String.format("%%%02X", (int) c);
            assertThat(QueryString.escape(String.valueOf(c))).as("char %d", (int) c).isEqualTo(expected);
        }
    }

    @Test
    void escapeShouldMatchTheTableNodeComputed() {
        JsonNode escapes = UploadSignatureVectors.read(UploadSignatureVectors.NODE_FILE).required("escapes");
        assertThat(escapes.size()).isGreaterThan(128);

        for (JsonNode e : escapes) {
            assertThat(QueryString.escape(e.required("input").asText()))
                    .as("escape of U+%04X", e.required("input").asText().codePointAt(0))
                    .isEqualTo(e.required("escaped").asText());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            QCVB_SimpleProcessFile(1,1) | QCVB_SimpleProcessFile(1%2C1)
            'user 42/测试'               | user%2042%2F%E6%B5%8B%E8%AF%95
            a+b=c&d?e#f%g               | a%2Bb%3Dc%26d%3Fe%23f%25g
            😀                          | %F0%9F%98%80
            é                           | %C3%A9
            """)
    void escapeShouldUseUpperCaseUtf8PercentEscapes(String raw, String escaped) {
        assertThat(QueryString.escape(raw)).isEqualTo(escaped);
        assertThat(QueryString.decode(escaped)).isEqualTo(raw);
    }

    @Test
    void escapeShouldRefuseAnUnpairedSurrogate() {
        assertThatThrownBy(() -> QueryString.escape("a\uD800")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryString.escape("\uDC00b")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            %2C         | ,
            %2c         | ,
            %20         | ' '
            +           | ' '
            a+b%20c     | a b c
            %2B         | +
            %e6%B5%8b   | 测
            %F0%9F%98%80 | 😀
            plain       | plain
            !'()*~      | !'()*~
            测          | 测
            """)
    void decodeShouldAcceptEitherHexCaseAndPlusAsSpace(String encoded, String decoded) {
        assertThat(QueryString.decode(encoded)).isEqualTo(decoded);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            %           | BAD_ESCAPE
            abc%        | BAD_ESCAPE
            %4          | BAD_ESCAPE
            %G1         | BAD_ESCAPE
            %1G         | BAD_ESCAPE
            %%41        | BAD_ESCAPE
            %-1         | BAD_ESCAPE
            %+1         | BAD_ESCAPE
            %١١         | BAD_ESCAPE
            %ＡＡ        | BAD_ESCAPE
            %E6%B5      | NOT_UTF8
            %E6%B5x     | NOT_UTF8
            %FF         | NOT_UTF8
            %C0%AF      | NOT_UTF8
            %ED%A0%80   | NOT_UTF8
            %80         | NOT_UTF8
            """)
    void decodeShouldRejectBadEscapes(String encoded, Kind kind) {
        assertThatThrownBy(() -> QueryString.decode(encoded))
                .isInstanceOfSatisfying(MalformedQueryException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void parseShouldKeepOrderSplitOnTheFirstEqualsAndSkipEmptySegments() {
        SequencedMap<String, String> fields = QueryString.parse("&b=2&&a=x=y&flag&=v&c=&");

        assertThat(fields.sequencedEntrySet()).extracting(e -> e.getKey() + "->" + e.getValue())
                .containsExactly("b->2", "a->x=y", "flag->", "->v", "c->");
        assertThat(QueryString.parse("")).isEmpty();
        assertThat(QueryString.parse("&&&")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"a=1&a=2", "a=1&a", "a&a", "a=1&%61=2", "a+b=1&a%20b=2", "=1&=2"})
    void parseShouldRejectAKeyThatAppearsTwiceAfterDecoding(String query) {
        assertThatThrownBy(() -> QueryString.parse(query))
                .isInstanceOfSatisfying(MalformedQueryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DUPLICATE_KEY));
    }

    @Test
    void parseShouldRejectABadEscapeInAKeyOrAValue() {
        assertThatThrownBy(() -> QueryString.parse("a%G=1")).isInstanceOf(MalformedQueryException.class);
        assertThatThrownBy(() -> QueryString.parse("a=1&b=%E6%B5")).isInstanceOf(MalformedQueryException.class);
    }

    @Test
    void stringifyShouldJoinInOrderAndRoundTripThroughParse() {
        SequencedMap<String, String> pairs = new LinkedHashMap<>();
        pairs.put("z", "");
        pairs.put("a b", "1+1=2 & 3");
        pairs.put("测", "😀%");
        pairs.put("empty", "");

        String query = QueryString.stringify(pairs);

        assertThat(query).isEqualTo("z=&a%20b=1%2B1%3D2%20%26%203&%E6%B5%8B=%F0%9F%98%80%25&empty=");
        assertThat(QueryString.parse(query).sequencedEntrySet()).containsExactlyElementsOf(pairs.sequencedEntrySet());
        assertThat(QueryString.stringify(new LinkedHashMap<>())).isEmpty();
    }
}
