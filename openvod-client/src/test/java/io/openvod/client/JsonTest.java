package io.openvod.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SDK's own JSON: what the UGC API and the app backend answer, and what it writes. */
class JsonTest {
    @Test
    void readsNestedObjectsNumbersAndEscapes() {
        Object parsed = Json.parse(" {\"code\":0,\"message\":\"\\u6210\\u529f \\\"ok\\\"\",\"data\":{\"n\":1.5,\"l\":[true,null],"
                + "\"video\":{\"storagePath\":\"/a\\/b\"}}} ");

        Map<String, Object> root = Json.object(parsed);
        assertThat(root.get("code")).isEqualTo(0L);
        assertThat(Json.string(root, "message")).isEqualTo("成功 \"ok\"");
        assertThat(Json.object(parsed, "data").get("n")).isEqualTo(1.5);
        assertThat(Json.object(parsed, "data").get("l")).isEqualTo(java.util.Arrays.asList(true, null));
        assertThat(Json.string(Json.object(parsed, "data", "video"), "storagePath")).isEqualTo("/a/b");
    }

    @Test
    void writesWhatItReadsBack() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("signature", "a+b/c=");
        body.put("videoName", "tab\there \"quoted\" \u0001");
        body.put("videoSize", 12L);
        body.put("uploadFromWeb", true);
        body.put("list", List.of(1L, "x"));

        assertThat(Json.parse(Json.write(body))).isEqualTo(body);
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatThrownBy(() -> Json.parse("<html>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("{\"a\":1} x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("{\"a\":")).isInstanceOf(IllegalArgumentException.class);
    }
}
