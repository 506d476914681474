package io.openvod.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The secrets a module's tests create or receive (API secret keys, webhook secrets, passwords,
 * tokens, temporary credentials), written one a line to {@code target/test-secrets/} of the module
 * so that the suite's log scan ({@link LogScanner}) can check that none of them reached a log.
 * Values shorter than {@value #MIN_LENGTH} characters are not kept: they would match ordinary words.
 */
public final class TestSecrets {
    public static final int MIN_LENGTH = 8;
    /** The directory under a module's {@code target/} that holds the remembered secrets. */
    public static final String DIRECTORY = "test-secrets";

    private static final Set<String> KNOWN = new HashSet<>();
    private static final Pattern NAME_PARTS = Pattern.compile("_|(?<=[a-z0-9])(?=[A-Z])");
    private static final Set<String> SECRET_WORDS = Set.of("SECRET", "SECRETS", "PASSWORD", "PASSWORDS", "TOKEN", "TOKENS");
    private static final Set<String> NOT_SECRET_WORDS = Set.of("ID", "IDS", "NAME", "HEADER", "PARAM", "FIELD", "ENV", "URL");

    private TestSecrets() {
    }

    /** Remembers {@code secret} (each line of it); null and short values are ignored. Returns it. */
    public static String remember(String secret) {
        if (secret == null) {
            return null;
        }
        for (String line : secret.split("\\R")) {
            String value = line.strip();
            if (value.length() >= MIN_LENGTH) {
                append(value);
            }
        }
        return secret;
    }

    /**
     * Remembers the secret-looking {@code static final} constants of {@code type}: Strings whose name
     * has a word SECRET, PASSWORD or TOKEN (e.g. {@code WEBHOOK_SECRET}, {@code HS_SECRET}), or is
     * {@code KEY} / {@code KEY_x} / {@code SECRET_KEY}; and records held in such a constant or in one
     * named {@code KEY}, through their components named like a secret ({@code secretKey}, {@code token}).
     */
    public static void rememberConstants(Class<?> type) {
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers) || field.isSynthetic()) {
                continue;
            }
            if (!(field.getType() == String.class || field.getType().isRecord()) || !secretName(field.getName())) {
                continue;
            }
            try {
                field.setAccessible(true);
                Object value = field.get(null);
                if (value instanceof String text) {
                    remember(text);
                } else if (value instanceof Record record) {
                    rememberComponents(record);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a constant that cannot be read is not remembered
            }
        }
    }

    static boolean secretName(String name) {
        String[] parts = NAME_PARTS.split(name);
        Set<String> words = new HashSet<>();
        for (String part : parts) {
            words.add(part.toUpperCase(Locale.ROOT));
        }
        if (words.stream().anyMatch(NOT_SECRET_WORDS::contains)) {
            return false;
        }
        if (words.stream().anyMatch(SECRET_WORDS::contains)) {
            return true;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.equals("KEY") || upper.matches("KEY_[A-Z0-9]") || upper.endsWith("SECRETKEY");
    }

    private static void rememberComponents(Record record) throws ReflectiveOperationException {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getType() == String.class && secretName(component.getName())) {
                component.getAccessor().setAccessible(true);
                remember((String) component.getAccessor().invoke(record));
            }
        }
    }

    /** The directory of this module's remembered secrets: {@code <module>/target/test-secrets}. */
    public static Path directory() {
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        return Path.of(base, "target", DIRECTORY);
    }

    private static synchronized void append(String value) {
        if (!KNOWN.add(value)) {
            return;
        }
        try {
            Path dir = directory();
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("secrets-" + ProcessHandle.current().pid() + ".txt"), value + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remember a test secret in " + directory(), e);
        }
    }
}
