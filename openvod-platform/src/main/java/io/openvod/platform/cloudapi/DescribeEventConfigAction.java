package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.events.EventConfig;
import io.openvod.platform.events.EventConfigs;

/**
 * {@code DescribeEventConfig} (spec: event-protocol §10.5): the application's Mode,
 * NotificationUrl and the three event switches — the platform's defaults until
 * {@code ModifyEventConfig} was called.
 */
public final class DescribeEventConfigAction implements CloudAction {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventConfigs configs;

    public DescribeEventConfigAction(EventConfigs configs) {
        this.configs = configs;
    }

    @Override
    public String name() {
        return "DescribeEventConfig";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        EventConfig config = configs.get(CloudParams.subAppId(call, request));
        ObjectNode response = JSON.createObjectNode();
        response.put("Mode", config.mode());
        response.put("NotificationUrl", config.notificationUrl());
        response.put("UploadMediaCompleteEventSwitch", config.uploadSwitch());
        response.put("DeleteMediaCompleteEventSwitch", config.deleteSwitch());
        response.put("PersistenceCompleteEventSwitch", config.persistenceSwitch());
        return response;
    }
}
