package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.trace.TraceParent;
import io.openvod.platform.account.ApiKey;
import io.openvod.platform.account.ApiKeys;
import io.openvod.platform.catalog.MediaUrls;
import io.openvod.signature.RequestHeaders;
import io.openvod.signature.Verdict;
import io.openvod.signature.tc3.Tc3Rejection;
import io.openvod.signature.tc3.Tc3Request;
import io.openvod.signature.tc3.Tc3Verifier;
import io.openvod.signature.tc3.VerifiedTc3Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TencentCloud API 3.0 endpoint without its transport: verifies a request's
 * {@code TC3-HMAC-SHA256} signature against the platform's active API keys (service {@code vod},
 * timestamp within 5 minutes), checks {@code X-TC-Version} and {@code X-TC-Action}, parses the
 * JSON body and runs the action. Every outcome is an envelope to send with HTTP 200:
 * {@code {"Response":{…,"RequestId":…}}} or {@code {"Response":{"Error":{"Code","Message"},"RequestId"}}}.
 *
 * <p>The credential scope's service is {@code vod}, or else the first DNS label of the signed
 * {@code Host}: Tencent's SDKs derive the service from the endpoint they are pointed at, so a
 * client configured with e.g. {@code media.example.com} or {@code 127.0.0.1:8082} signs for
 * {@code media} or {@code 127}.
 *
 * <p>Checked in this order, so that nothing about the actions is revealed before the signature is
 * valid: signature, {@code X-TC-Token} (temporary credentials are not issued, so any token is
 * refused), version, action, body.
 */
public final class CloudApiEndpoint {
    /** The only API version VOD has. */
    public static final String VERSION = "2018-07-17";
    private static final Logger LOG = LoggerFactory.getLogger(CloudApiEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ApiKeys keys;
    private final CloudActions actions;
    private final Tc3Verifier verifier;
    private final Clock clock;
    private final MediaUrls urls;

    /** An envelope to answer with, and its request id (also sent as {@code X-TC-RequestId}). */
    public record Answer(String requestId, byte[] json) {
    }

    /** An endpoint whose answers carry URLs as they were stored. */
    public CloudApiEndpoint(ApiKeys keys, CloudActions actions, Clock clock) {
        this(keys, actions, clock, MediaUrls.UNCHANGED);
    }

    /**
     * An endpoint whose answers carry every media URL on the platform's current media base
     * ({@link MediaUrls}): DescribeMediaInfos, SearchMedia, DescribeTaskDetail, CommitUpload,
     * the events of PullEvents — also of media and events recorded before the platform moved.
     */
    public CloudApiEndpoint(ApiKeys keys, CloudActions actions, Clock clock, MediaUrls urls) {
        this.keys = keys;
        this.actions = actions;
        this.clock = clock;
        this.urls = urls;
        this.verifier = verifier("vod");
    }

    private Tc3Verifier verifier(String service) {
        return Tc3Verifier.builder(id -> keys.find(id).flatMap(ApiKey::usableSecretKey))
                .clock(clock).window(Duration.ofMinutes(5)).service(service).build();
    }

    /**
     * Answers one request.
     *
     * @param method the HTTP method
     * @param query the raw query string ({@code ""} when none)
     * @param body the exact body bytes
     */
    public Answer call(String method, String query, RequestHeaders headers, byte[] body) {
        String requestId = UUID.randomUUID().toString();
        String action = headers.first("X-TC-Action").orElse("");
        try {
            ObjectNode response = run(requestId, method, query, headers, body);
            response.put("RequestId", requestId);
            return answer(requestId, response);
        } catch (CloudApiException e) {
            return error(requestId, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("API 3.0 action {} failed; request id {}", action, requestId, e);
            return error(requestId, "InternalError", "An internal error occurred; request id " + requestId + ".");
        }
    }

    /** An error envelope for a request refused before it could be read (e.g. a body too large). */
    public Answer refuse(String code, String message) {
        return error(UUID.randomUUID().toString(), code, message);
    }

    private ObjectNode run(String requestId, String method, String query, RequestHeaders headers, byte[] body) {
        if (!method.equals("POST")) {
            throw new CloudApiException("UnsupportedOperation", "Only POST with a JSON body is supported.");
        }
        Tc3Request signed = new Tc3Request(method, query, headers, body);
        Verdict<VerifiedTc3Request> verdict = verifier.verify(signed);
        String hostService = hostService(headers.first("Host").orElse(""));
        if (verdict instanceof Verdict.Rejected<VerifiedTc3Request> r && r.reason() == Tc3Rejection.SERVICE_MISMATCH
                && hostService != null) {
            verdict = verifier(hostService).verify(signed);
        }
        VerifiedTc3Request verified = switch (verdict) {
            case Verdict.Accepted<VerifiedTc3Request>(VerifiedTc3Request v) -> v;
            case Verdict.Rejected<VerifiedTc3Request>(var reason, var detail) -> throw new CloudApiException(
                    reason instanceof Tc3Rejection r ? r.tencentCode() : "AuthFailure", detail);
        };
        if (verified.token().isPresent()) {
            throw new CloudApiException("AuthFailure.TokenFailure", "Temporary credentials (X-TC-Token) are not accepted here.");
        }
        ApiKey key = keys.find(verified.secretId()).filter(ApiKey::active).orElseThrow(() ->
                new CloudApiException("AuthFailure.SecretIdNotFound", "The SecretId is not found or was revoked."));
        String version = headers.first("X-TC-Version").orElse("");
        if (version.isEmpty()) {
            throw new CloudApiException("MissingParameter", "The request is missing the X-TC-Version header.");
        }
        if (!version.equals(VERSION)) {
            throw new CloudApiException("NoSuchVersion", "The API version " + shown(version) + " does not exist; use " + VERSION + ".");
        }
        String name = headers.first("X-TC-Action").orElse("");
        CloudAction action = actions.find(name).orElseThrow(() ->
                new CloudApiException("InvalidAction", "The action " + shown(name) + " does not exist."));
        ObjectNode request = parse(body);
        CloudCall call = new CloudCall(key.appId(), key.secretId(), requestId,
                (appId, requested) -> keys.resolveSubApp(appId, Optional.ofNullable(requested)),
                headers.first("traceparent").flatMap(TraceParent::parse));
        ObjectNode result = action.handle(call, request);
        return result == null ? JSON.createObjectNode() : (ObjectNode) urls.currentIn(result.deepCopy());
    }

    /** The first DNS label of a Host header, lower-cased, when it can be a service name; else null. */
    static String hostService(String host) {
        String name = host.strip().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("[")) {
            return null;
        }
        int end = name.length();
        for (char c : new char[] {'.', ':'}) {
            int i = name.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String label = name.substring(0, end);
        return !label.equals("vod") && label.matches("[a-z0-9][a-z0-9-]{0,62}") ? label : null;
    }

    private static ObjectNode parse(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new CloudApiException("InvalidParameter", "The request body is not valid JSON.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree instanceof ObjectNode object) {
            return object;
        }
        throw new CloudApiException("InvalidParameter", "The request body must be a JSON object.");
    }

    private static Answer error(String requestId, String code, String message) {
        ObjectNode response = JSON.createObjectNode();
        ObjectNode error = response.putObject("Error");
        error.put("Code", code);
        error.put("Message", message == null ? code : message);
        response.put("RequestId", requestId);
        return answer(requestId, response);
    }

    private static Answer answer(String requestId, ObjectNode response) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.set("Response", response);
        try {
            return new Answer(requestId, JSON.writeValueAsBytes(envelope));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shown(String value) {
        String cut = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        return "'" + cut.replaceAll("[\\p{Cntrl}]", "?") + "'";
    }
}
