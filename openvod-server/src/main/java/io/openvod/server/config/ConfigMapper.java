package io.openvod.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.openvod.core.Secret;
import java.io.IOException;
import java.time.Duration;

/** The Jackson mapper that reads configuration: strict about unknown keys, duplicates and nulls. */
final class ConfigMapper {
    private ConfigMapper() {
    }

    static ObjectMapper create() {
        SimpleModule types = new SimpleModule("openvod-config-types");
        types.addDeserializer(Duration.class, new DurationDeserializer());
        types.addDeserializer(Secret.class, new SecretDeserializer());
        return YAMLMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .addModule(types)
                .build();
    }

    private static final class DurationDeserializer extends StdScalarDeserializer<Duration> {
        private static final long serialVersionUID = 1L;

        DurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
            }
            try {
                return DurationText.parse(text);
            } catch (IllegalArgumentException e) {
                throw ctxt.weirdStringException(text, Duration.class, e.getMessage());
            }
        }
    }

    private static final class SecretDeserializer extends StdScalarDeserializer<Secret> {
        private static final long serialVersionUID = 1L;

        SecretDeserializer() {
            super(Secret.class);
        }

        @Override
        public Secret deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null || text.isEmpty()) {
                // The value itself is never echoed: it may be a secret.
                throw ctxt.weirdStringException("****", Secret.class, "a secret must be a non-empty string");
            }
            return Secret.of(text);
        }
    }
}
