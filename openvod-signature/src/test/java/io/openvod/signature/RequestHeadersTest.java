package io.openvod.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestHeadersTest {

    @Test
    void ofShouldFindHeadersIgnoringCaseAndKeepTheFirstOfEqualNames() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("Content-Type", "a");
        map.put("CONTENT-TYPE", "b");
        RequestHeaders headers = RequestHeaders.of(map);
        assertThat(headers.first("content-type")).contains("a");
        assertThat(headers.first("Host")).isEmpty();
    }

    @Test
    void ofListsShouldAnswerTheFirstValueAndSkipEmptyLists() {
        RequestHeaders headers = RequestHeaders.ofLists(Map.of("X-Cos-Meta", List.of("1", "2"), "Empty", List.of()));
        assertThat(headers.first("x-cos-meta")).contains("1");
        assertThat(headers.first("empty")).isEmpty();
    }
}
