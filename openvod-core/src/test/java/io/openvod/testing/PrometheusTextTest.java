package io.openvod.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    private static final String TEXT = """
            # HELP openvod_upload_bytes_total bytes stored
            # TYPE openvod_upload_bytes_total counter
            openvod_upload_bytes_total{operation="PutObject"} 1234.0
            openvod_upload_bytes_total{operation="UploadPart"} 10.0
            openvod_odd{note="a \\"quoted\\", comma",le="+Inf"} 3
            process_uptime_seconds 12.5
            jvm_gc_pause_seconds_max{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation",} +Inf
            """;

    @Test
    void samplesAreFoundByNameAndLabels() {
        PrometheusText text = PrometheusText.parse(TEXT);
        assertThat(text.samples()).hasSize(5);
        assertThat(text.sum("openvod_upload_bytes_total", "operation", "PutObject")).contains(1234.0);
        assertThat(text.sum("openvod_upload_bytes_total")).contains(1244.0);
        assertThat(text.sum("openvod_upload_bytes_total", "operation", "Other")).isEmpty();
        assertThat(text.find("openvod_odd").getFirst().labels()).isEqualTo(Map.of("note", "a \"quoted\", comma", "le", "+Inf"));
        assertThat(text.sum("process_uptime_seconds")).contains(12.5);
        assertThat(text.find("jvm_gc_pause_seconds_max", "gc", "G1 Young Generation").getFirst().value()).isInfinite();
    }
}
