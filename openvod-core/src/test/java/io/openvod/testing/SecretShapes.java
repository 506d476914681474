package io.openvod.testing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shapes of secrets that must never appear in a log line, whoever created them: a {@code whsec_}
 * webhook secret, a long value given to a secret-named key ({@code tmpSecretKey=…},
 * {@code "password":"…"}, {@code x-cos-security-token: …}), an app session or API token
 * ({@code ovs_…}, {@code ova_…}), a bearer credential, a signed JWT.
 * Redacted values ({@code ****}) and short values do not match.
 */
public final class SecretShapes {
    /** One shape: its name and a pattern whose group 1 is the secret value. */
    public record Shape(String name, Pattern pattern) {
    }

    /** A match of a shape in a line: the shape's name and the (unmasked) value. */
    public record Match(String shape, String value) {
    }

    static final List<Shape> SHAPES = List.of(
            new Shape("whsec_ webhook secret", Pattern.compile("(whsec_[A-Za-z0-9+/]{16,}={0,2})")),
            new Shape("secret-named key with a value", Pattern.compile(
                    "(?i)\\b(?:[a-z0-9]+[_-]?)??(?:tmpSecretKey|secretKey|secret_key|secret|password|passwd|sessionToken|session_token|token)"
                            + "\"?\\s*[:=]\\s*\"?([A-Za-z0-9+/_.~-]{16,}={0,2})")),
            new Shape("app session or API token", Pattern.compile("\\b(ov[as]_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])")),
            new Shape("bearer credential", Pattern.compile("\\bBearer\\s+([A-Za-z0-9._~+/-]{20,}={0,2})")),
            new Shape("signed JWT", Pattern.compile("\\b(eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,})")));

    private SecretShapes() {
    }

    /** The first secret shape in {@code line}, if any. */
    public static Optional<Match> find(String line) {
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(line);
            if (m.find()) {
                return Optional.of(new Match(shape.name(), m.group(1)));
            }
        }
        return Optional.empty();
    }
}
