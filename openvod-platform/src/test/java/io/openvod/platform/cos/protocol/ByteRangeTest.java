package io.openvod.platform.cos.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    private static ByteRange range(String header, long size) {
        return ByteRange.parse(header, size).orElseThrow(() -> new AssertionError("whole object for " + header));
    }

    private static void assertUnsatisfiable(String header, long size) {
        assertThatThrownBy(() -> ByteRange.parse(header, size))
                .isInstanceOfSatisfying(CosProtocolException.class, e -> {
                    assertThat(e.code()).isEqualTo(CosErrorCode.INVALID_RANGE);
                    assertThat(e.code().httpStatus()).isEqualTo(416);
                });
    }

    @ParameterizedTest
    @CsvSource({
        "bytes=0-99,       1000, 0,   100",
        "bytes=100-199,    1000, 100, 100",
        "bytes=0-0,        1000, 0,   1",
        "bytes=999-999,    1000, 999, 1",
        "bytes=500-,       1000, 500, 500",
        "bytes=0-,         1000, 0,   1000",
        "bytes=-100,       1000, 900, 100",
        "bytes=-1,         1000, 999, 1",
        "bytes=900-5000,   1000, 900, 100",
        "bytes=-5000,      1000, 0,   1000",
        "bytes=0-99999999999999999999999, 1000, 0, 1000",
        "bytes=-99999999999999999999999,  1000, 0, 1000",
        "Bytes=0-9,        1000, 0,   10",
        "' bytes = 5-9 ',  1000, 5,   5",
        "bytes=007-009,    1000, 7,   3",
        "bytes=0-0,        1,    0,   1",
    })
    void satisfiableRanges(String header, long size, long offset, long length) {
        ByteRange range = range(header, size);
        assertThat(range).isEqualTo(new ByteRange(offset, length));
        assertThat(range.last()).isEqualTo(offset + length - 1);
    }

    @Test
    void contentRangeHeaders() {
        ByteRange range = range("bytes=100-199", 1000);
        assertThat(range.contentRange(1000)).isEqualTo("bytes 100-199/1000");
        assertThat(range.isWhole(1000)).isFalse();
        assertThat(range("bytes=-5000", 1000).isWhole(1000)).isTrue();
        assertThat(ByteRange.unsatisfiedContentRange(1000)).isEqualTo("bytes */1000");
        assertThat(ByteRange.unsatisfiedContentRange(0)).isEqualTo("bytes */0");
    }

    @ParameterizedTest
    @CsvSource({
        "bytes=1000-,      1000",
        "bytes=1000-1999,  1000",
        "bytes=5000-6000,  1000",
        "bytes=99999999999999999999999-, 1000",
        "bytes=-0,         1000",
        "bytes=0-,         0",
        "bytes=0-0,        0",
        "bytes=-0,         0",
    })
    void unsatisfiableRanges(String header, long size) {
        assertUnsatisfiable(header, size);
    }

    @Test
    void aSuffixRangeOnAnEmptyObjectServesTheWholeEmptyObject() {
        assertThat(ByteRange.parse("bytes=-10", 0)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bytes=", "bytes=-", "bytes=5-2", "bytes=a-b", "bytes=1-2-3", "items=0-1", "bytes 0-1",
        "bytes=0-1,5-6", "bytes=0-1, -5", "bytes=--1", "bytes=+1-2", "bytes=0x10-"})
    void ignoredHeadersServeTheWholeObject(String header) {
        assertThat(ByteRange.parse(header, 1000)).isEqualTo(Optional.empty());
    }

    @Test
    void noHeaderServesTheWholeObject() {
        assertThat(ByteRange.parse(null, 1000)).isEmpty();
    }

    @Test
    void rangesNeedABodyByte() {
        assertThatThrownBy(() -> new ByteRange(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ByteRange(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
