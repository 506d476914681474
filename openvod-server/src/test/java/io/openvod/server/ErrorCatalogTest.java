package io.openvod.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.core.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorCatalogTest {
    @Test
    void codesShouldBeUniqueAndUpperSnakeCase() {
        Set<String> seen = new HashSet<>();
        for (ErrorCode code : ErrorCatalog.all()) {
            assertThat(seen.add(code.code())).as("duplicate code %s", code.code()).isTrue();
            assertThat(code.code()).matches("[A-Z][A-Z0-9_]+");
            assertThat(code.summary()).isNotBlank();
        }
    }

    @Test
    void everyCodeShouldBeDocumentedInDocsErrors() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "errors.md"));
        for (ErrorCode code : ErrorCatalog.all()) {
            assertThat(doc).as("docs/errors.md documents %s", code.code()).contains("`" + code.code() + "`");
        }
    }
}
