package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.events.CallbackUrlPolicy;
import io.openvod.platform.events.EventConfig;
import io.openvod.platform.events.EventConfigs;
import java.util.Optional;

/**
 * {@code ModifyEventConfig} (spec: event-protocol §10.5): changes the given settings of the
 * application and keeps the others. {@code Mode} is {@code PUSH} or {@code PULL}; the switches
 * {@code ON} or {@code OFF}; {@code NotificationUrl} {@code ""} clears the URL, any other value
 * must be an http(s) URL of at most 1024 characters that the {@link CallbackUrlPolicy} allows.
 * A refused value answers {@code InvalidParameterValue.<Parameter>} and changes nothing.
 */
public final class ModifyEventConfigAction implements CloudAction {
    static final int MAX_URL_LENGTH = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventConfigs configs;
    private final CallbackUrlPolicy urls;

    public ModifyEventConfigAction(EventConfigs configs, CallbackUrlPolicy urls) {
        this.configs = configs;
        this.urls = urls;
    }

    @Override
    public String name() {
        return "ModifyEventConfig";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        long subAppId = CloudParams.subAppId(call, request);
        String mode = oneOf(request, "Mode", "PUSH", "PULL");
        String upload = oneOf(request, "UploadMediaCompleteEventSwitch", "ON", "OFF");
        String delete = oneOf(request, "DeleteMediaCompleteEventSwitch", "ON", "OFF");
        String persistence = oneOf(request, "PersistenceCompleteEventSwitch", "ON", "OFF");
        Optional<String> url = CloudParams.optionalString(request, "NotificationUrl");
        if (url.isPresent() && !url.get().isEmpty()) {
            String refusal = url.get().length() > MAX_URL_LENGTH ? "longer than " + MAX_URL_LENGTH + " characters"
                    : urls.refusal(url.get());
            if (refusal != null) {
                throw new CloudApiException("InvalidParameterValue.NotificationUrl", "NotificationUrl is refused: " + refusal + ".");
            }
        }
        EventConfig current = configs.get(subAppId);
        configs.put(new EventConfig(subAppId,
                mode == null ? current.mode() : mode,
                url.orElse(current.notificationUrl()),
                upload == null ? current.uploadSwitch() : upload,
                delete == null ? current.deleteSwitch() : delete,
                persistence == null ? current.persistenceSwitch() : persistence));
        return JSON.createObjectNode();
    }

    /** The parameter's value when given (one of {@code a}, {@code b}), or null when absent. */
    private static String oneOf(ObjectNode request, String name, String a, String b) {
        Optional<String> value = CloudParams.optionalString(request, name);
        if (value.isEmpty()) {
            return null;
        }
        if (!value.get().equals(a) && !value.get().equals(b)) {
            throw new CloudApiException("InvalidParameterValue." + name, name + " must be " + a + " or " + b + ".");
        }
        return value.get();
    }
}
