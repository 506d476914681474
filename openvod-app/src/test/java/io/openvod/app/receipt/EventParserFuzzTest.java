package io.openvod.app.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Any received body is either read as an event or refused with a {@link MalformedEventException}
 * (the receipt endpoint answers that with 400). What is read has a 64-hex content key, and the
 * same body pulled (stored without {@code EventHandle}) has the same key. Seeds
 * (…/EventParserFuzzTestInputs/parse): the spec's v3 and v2 events.
 */
class EventParserFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventParser parser = new EventParser();

    @FuzzTest(maxDuration = "5s")
    void parse(byte[] body) throws Exception {
        ParsedEvent parsed;
        try {
            parsed = parser.parse(body);
        } catch (MalformedEventException refused) {
            assertThat(refused.getMessage()).isNotEmpty();
            return;
        }
        assertThat(parsed.contentKey()).matches("[0-9a-f]{64}");
        assertThat(parsed.event().fileIds()).isNotNull();
        ParsedEvent stored = parser.parse(EventParser.withoutHandle(JSON.readTree(body)));
        assertThat(stored.contentKey()).isEqualTo(parsed.contentKey());
        assertThat(stored.event()).isEqualTo(parsed.event());
    }
}
