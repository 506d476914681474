package io.openvod.server.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.openvod.core.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Writes a configuration back as YAML, in the same units it is read in, with secrets as {@code ****}. */
public final class ConfigPrinter {
    private static final YAMLMapper YAML = createMapper();

    private ConfigPrinter() {
    }

    public static String toYaml(OpenVodConfig config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static YAMLMapper createMapper() {
        SimpleModule types = new SimpleModule("openvod-config-print");
        types.addSerializer(Duration.class, new StdSerializer<>(Duration.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(DurationText.format(value));
            }
        });
        types.addSerializer(Secret.class, new StdSerializer<>(Secret.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(Secret value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        });
        return YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .addModule(types)
                .build();
    }
}
