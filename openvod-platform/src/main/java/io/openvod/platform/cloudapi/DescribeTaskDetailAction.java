package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.events.EventTimes;
import io.openvod.platform.flow.ProcedureEvents;
import io.openvod.platform.flow.ReviewAudioVideoEvents;
import io.openvod.platform.flow.TaskQueue;
import io.openvod.platform.flow.TaskFlow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code DescribeTaskDetail}: a task flow of the caller's application by {@code TaskId}, as
 * {@code TaskType} {@code Procedure} with the flow's {@code ProcedureTask} (the body of its
 * ProcedureStateChanged event), or a ReviewAudioVideo task as {@code TaskType}
 * {@code ReviewAudioVideo} with its {@code ReviewAudioVideoTask} (the body of its
 * ReviewAudioVideoComplete event; {@code ProcedureTask} is then {@code null}). {@code Status} is {@code WAITING} before any task began,
 * {@code PROCESSING} while tasks run and {@code FINISH} when all are done (failed tasks are shown
 * in their results). The other task kinds of Tencent's answer are {@code null}.
 */
public final class DescribeTaskDetailAction implements CloudAction {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The task fields of Tencent's answer that hold other kinds of task. */
    private static final List<String> OTHER_TASKS = List.of("EditMediaTask", "WechatPublishTask", "ComposeMediaTask",
            "SplitMediaTask", "PullUploadTask", "TranscodeTask", "SnapshotByTimeOffsetTask", "ConcatTask", "ClipTask",
            "CreateImageSpriteTask", "ReviewAudioVideoTask", "ExtractTraceWatermarkTask", "RemoveWatermarkTask",
            "ReduceMediaBitrateTask", "DescribeFileAttributesTask");

    private final TaskQueue flows;
    private final MediaCatalog catalog;

    /** @param catalog the media, for the FileName, FileUrl and MetaData of a ProcedureTask */
    public DescribeTaskDetailAction(TaskQueue flows, MediaCatalog catalog) {
        this.flows = flows;
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "DescribeTaskDetail";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        RequestFields fields = new RequestFields(request);
        String taskId = fields.text("TaskId")
                .orElseThrow(() -> new CloudApiException("MissingParameter", "The request is missing the required parameter TaskId."));
        long subAppId = call.subAppId(fields.subAppId());
        Optional<TaskFlow> found = flows.find(taskId).filter(f -> f.subAppId() == subAppId);
        if (found.isEmpty()) {
            throw new CloudApiException("InvalidParameterValue.TaskId", "The application has no task " + taskId + ".");
        }
        TaskFlow flow = found.get();
        boolean begun = flow.tasks().stream().anyMatch(t -> t.beginTime().isPresent());
        String status = flow.status().equals("FINISH") ? "FINISH" : begun ? "PROCESSING" : "WAITING";
        ObjectNode response = JSON.createObjectNode();
        boolean review = ReviewAudioVideoEvents.isReview(flow);
        response.put("TaskType", review ? ReviewAudioVideoEvents.TYPE : "Procedure");
        response.put("Status", status);
        response.put("CreateTime", EventTimes.format(flow.createdAt()));
        response.put("BeginProcessTime", flow.tasks().stream().flatMap(t -> t.beginTime().stream()).min(Instant::compareTo)
                .map(EventTimes::format).orElse(ProcedureEvents.NO_TIME));
        response.put("FinishTime", flow.finishedAt().map(EventTimes::format).orElse(ProcedureEvents.NO_TIME));
        if (review) {
            response.putNull("ProcedureTask");
        } else {
            response.set("ProcedureTask", ProcedureEvents.procedureTask(flow, ProcedureEvents.MediaFields.of(catalog.find(flow.fileId()))));
        }
        OTHER_TASKS.forEach(response::putNull);
        if (review) {
            response.set("ReviewAudioVideoTask", ReviewAudioVideoEvents.reviewAudioVideoTask(flow));
        }
        return response;
    }
}
