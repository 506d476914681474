package io.openvod.server.app;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Tencent v3 event bodies for the receipt service's tests, and pushing them over HTTP. */
final class VodEventBodies {
    private VodEventBodies() {
    }

    /** A {@code NewFileUpload} of {@code userId}'s upload that started a task flow. */
    static String upload(String fileId, String userId, String name) {
        return """
                {"EventType":"NewFileUpload","FileUploadEvent":{"FileId":"%s","MediaBasicInfo":{"Name":"%s",
                 "MediaUrl":"http://media.example/%s.mp4","CoverUrl":"http://media.example/%s.jpg","SourceInfo":{"SourceType":"Upload",
                 "SourceContext":"uid=%s&req=r-%s"}},"ProcedureTaskId":"task-%s","ReviewAudioVideoTaskId":""}}"""
                .formatted(fileId, name, fileId, fileId, userId, fileId, fileId);
    }

    /** A {@code NewFileUpload} without a task flow (the video is published at once). */
    static String plainUpload(String fileId, String userId) {
        return upload(fileId, userId, "plain-" + fileId).replace("\"task-" + fileId + "\"", "\"\"");
    }

    /** The task flow's {@code FINISH}: one 1280x720 transcode and a Porn review with {@code suggestion}. */
    static String finish(String fileId, String userId, String suggestion) {
        return """
                {"EventType":"ProcedureStateChanged","FileUploadEvent":null,"ProcedureStateChangeEvent":{"TaskId":"task-%s",
                 "Status":"FINISH","ErrCode":0,"Message":"SUCCESS","FileId":"%s","MediaProcessResultSet":[{"Type":"Transcode",
                 "TranscodeTask":{"Status":"SUCCESS","ErrCode":0,"Message":"","Input":{"Definition":100030},"Output":{"Definition":100030,
                 "Url":"http://media.example/%s/v.f100030.mp4","Width":1280,"Height":720}}}],
                 "AiContentReviewResultSet":[{"Type":"Porn","PornTask":{"Status":"SUCCESS","ErrCode":0,"ErrCodeExt":"","Message":"",
                 "Progress":100,"Input":{"Definition":10},"Output":{"Confidence":87.5,"Suggestion":"%s","Label":"sexy","SegmentSet":[]}}}],
                 "TasksPriority":0,"TasksNotifyMode":"Finish","SessionContext":"uid=%s&req=r-%s","SessionId":""}}"""
                .formatted(fileId, fileId, fileId, suggestion, userId, fileId);
    }

    static String deleted(String fileId) {
        return "{\"EventType\":\"FileDeleted\",\"FileDeleteEvent\":{\"FileIdSet\":[\"" + fileId + "\"]}}";
    }

    /**
     * One of Tencent's documented bodies (openvod-app's test resources {@code io/openvod/app/receipt/tencent},
     * see the README there), with its FileId {@code 5285890813342811041} replaced by {@code fileId}.
     */
    static String tencent(String name, String fileId) {
        try (var in = VodEventBodies.class.getResourceAsStream("/io/openvod/app/receipt/tencent/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no documented body " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("5285890813342811041", fileId);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Pushes an unsigned event to {@code POST /api/v1/vod/events}. */
    static AppFixture.Reply push(URI base, String body) {
        return AppFixture.send(HttpRequest.newBuilder(base.resolve("api/v1/vod/events"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build());
    }

    /** Waits up to {@code timeout} for {@code condition}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
