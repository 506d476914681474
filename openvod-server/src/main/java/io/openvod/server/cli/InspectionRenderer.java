package io.openvod.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.signature.DecodedSignature;
import io.openvod.signature.UploadSignatureDecoder;
import io.openvod.signature.Verdict;
import java.time.Instant;
import java.util.Map;

/** Renders a {@link SignatureInspection} as aligned text for people or as JSON for scripts. */
final class InspectionRenderer {
    private InspectionRenderer() {
    }

    static String text(SignatureInspection in) {
        StringBuilder out = new StringBuilder();
        if (in.decodeFailure().isPresent()) {
            Verdict.Rejected<?> r = in.decodeFailure().get();
            line(out, "status", "MALFORMED  " + r.reason().code() + ": " + r.detail());
            return out.toString();
        }
        DecodedSignature d = in.decoded().orElseThrow();
        line(out, "decoded", (UploadSignatureDecoder.MAC_LENGTH + d.originalBytes().length) + " bytes: "
                + UploadSignatureDecoder.MAC_LENGTH + "-byte HMAC-SHA1 + " + d.originalBytes().length + "-byte original");
        line(out, "original", d.original());
        out.append("fields\n");
        for (Map.Entry<String, String> f : d.fields().entrySet()) {
            String name = SignatureInspection.KNOWN_FIELDS.contains(f.getKey()) ? f.getKey() : f.getKey() + " (ignored)";
            String value = "\"" + f.getValue() + "\"";
            if (f.getKey().equals("currentTimeStamp") || f.getKey().equals("expireTime")) {
                value += in.number(f.getKey()).map(s -> "  " + Instant.ofEpochSecond(s)).orElse("");
            }
            out.append(String.format("  %-22s %s%n", name, value));
        }
        line(out, "at " + in.at(), in.timeStatus());
        line(out, "status", switch (in.status()) {
            case "VALID" -> "VALID  the HMAC-SHA1 matches the key and every field is valid";
            case "UNVERIFIED" -> "UNVERIFIED  no secret key available: " + SecretKeySource.HOW;
            default -> {
                Verdict.Rejected<?> r = (Verdict.Rejected<?>) in.verification().orElseThrow();
                yield "REJECTED  " + r.reason().code() + ": " + r.detail();
            }
        });
        return out.toString();
    }

    static String json(SignatureInspection in) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("status", in.status());
        root.put("at", in.at().toString());
        in.decodeFailure().ifPresent(r -> root.put("reason", r.reason().code()).put("detail", r.detail()));
        in.decoded().ifPresent(d -> {
            root.put("original", d.original());
            ObjectNode fields = root.putObject("fields");
            d.fields().forEach(fields::put);
            root.put("time", in.timeStatus());
        });
        in.verification().ifPresent(v -> {
            if (v instanceof Verdict.Rejected<?> r) {
                root.put("reason", r.reason().code()).put("detail", r.detail());
            }
        });
        return root.toPrettyString() + System.lineSeparator();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-24s %s%n", label, value));
    }
}
