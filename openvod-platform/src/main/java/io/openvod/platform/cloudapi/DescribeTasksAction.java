package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.events.EventTimes;
import io.openvod.platform.flow.FlowQuery;
import io.openvod.platform.flow.FlowSummary;
import io.openvod.platform.flow.ProcedureEvents;
import io.openvod.platform.flow.TaskQueue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code DescribeTasks}: the caller's application's task flows, newest first, as Tencent's
 * {@code TaskSet} of {@code TaskSimpleInfo} ({@code TaskId}, {@code Status}, {@code FileId},
 * {@code TaskType}, times, {@code SessionId}, {@code SessionContext}), filtered by {@code FileId}
 * and {@code Status} (WAITING, PROCESSING, FINISH). {@code Limit} is 1 to 100 (default 10); when
 * more flows follow, {@code ScrollToken} is the TaskId of the next one, to be sent back for the next
 * page, else {@code ""}. A flow asked for that no node started yet is listed as WAITING. Tencent's
 * time filters ({@code CreateTime}, {@code FinishTime}) are not supported: a request naming one is
 * {@code UnsupportedOperation} rather than answered unfiltered; {@code Sort} may only be
 * {@code CreateTime} {@code Desc}.
 */
public final class DescribeTasksAction implements CloudAction {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LIMIT = 100;

    private final TaskQueue flows;

    public DescribeTasksAction(TaskQueue flows) {
        this.flows = flows;
    }

    @Override
    public String name() {
        return "DescribeTasks";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        RequestFields fields = new RequestFields(request);
        for (String filter : List.of("CreateTime", "FinishTime")) {
            JsonNode value = request.get(filter);
            if (value != null && !value.isNull() && !value.isEmpty()) {
                throw new CloudApiException("UnsupportedOperation", "DescribeTasks' " + filter
                        + " is not supported by this platform; it filters by FileId and Status and pages with ScrollToken.");
            }
        }
        checkSort(request.get("Sort"));
        long limit = fields.integer("Limit").orElse(10L);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new CloudApiException("InvalidParameterValue.Limit", "Limit is 1 to " + MAX_LIMIT + ".");
        }
        Optional<String> status = fields.text("Status").filter(s -> !s.isEmpty());
        if (status.isPresent() && !FlowSummary.STATUSES.contains(status.get())) {
            throw new CloudApiException("InvalidParameterValue.Status", "Status is WAITING, PROCESSING or FINISH.");
        }
        FlowQuery query = new FlowQuery(Optional.of(call.subAppId(fields.subAppId())), fields.text("FileId").filter(s -> !s.isEmpty()),
                status, fields.text("ScrollToken").filter(s -> !s.isEmpty()), (int) limit + 1);
        List<FlowSummary> found = flows.list(query);
        ObjectNode response = JSON.createObjectNode();
        ArrayNode set = response.putArray("TaskSet");
        found.stream().limit(limit).forEach(flow -> set.add(simpleInfo(flow)));
        response.put("ScrollToken", found.size() > limit ? found.getLast().taskId() : "");
        return response;
    }

    private static ObjectNode simpleInfo(FlowSummary flow) {
        ObjectNode info = JSON.createObjectNode();
        info.put("TaskId", flow.taskId());
        info.put("Status", flow.status());
        info.put("FileId", flow.fileId());
        info.put("TaskType", flow.taskType());
        info.put("CreateTime", EventTimes.format(flow.createdAt()));
        info.put("BeginProcessTime", time(flow.beganAt()));
        info.put("FinishTime", time(flow.finishedAt()));
        info.put("SessionId", flow.sessionId());
        info.put("SessionContext", flow.sessionContext());
        return info;
    }

    private static String time(Optional<Instant> time) {
        return time.map(EventTimes::format).orElse(ProcedureEvents.NO_TIME);
    }

    /** {@code Sort}: absent, or {@code {Field: CreateTime, Order: Desc}}. */
    private static void checkSort(JsonNode sort) {
        if (sort == null || sort.isNull()) {
            return;
        }
        if (!sort.isObject()) {
            throw new CloudApiException("InvalidParameter", "Sort must be an object.");
        }
        RequestFields fields = new RequestFields((ObjectNode) sort);
        if (!fields.text("Field").orElse("CreateTime").equals("CreateTime") || !fields.text("Order").orElse("Desc").equals("Desc")) {
            throw new CloudApiException("UnsupportedOperation", "DescribeTasks lists the newest first only (Sort CreateTime Desc).");
        }
    }
}
