package io.openvod.bench.events;

/** Event bodies of the size and shape Commit writes (a NewFileUpload with its MediaBasicInfo), about 700 bytes. */
final class Bodies {
    private Bodies() {
    }

    static String newFileUpload(String fileId) {
        return "{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":\"" + fileId + "\",\"MediaBasicInfo\":{"
                + "\"Name\":\"bench-" + fileId + "\",\"Description\":\"\",\"CreateTime\":\"2026-12-07T03:00:00Z\","
                + "\"UpdateTime\":\"2026-12-07T03:00:00Z\",\"ExpireTime\":\"9999-12-31T23:59:59Z\",\"ClassId\":0,"
                + "\"ClassName\":\"其他\",\"ClassPath\":\"\",\"CoverUrl\":\"\",\"Type\":\"mp4\","
                + "\"MediaUrl\":\"http://127.0.0.1:8080/media/1500000001/" + fileId + "/v.mp4\",\"TagSet\":[],"
                + "\"StorageRegion\":\"ap-guangzhou\",\"StorageClass\":\"STANDARD\",\"Vid\":\"\",\"Category\":\"Video\","
                + "\"Status\":\"Normal\",\"SourceInfo\":{\"SourceType\":\"Upload\",\"SourceContext\":\"\"}},"
                + "\"ProcedureTaskId\":\"\",\"ReviewAudioVideoTaskId\":\"\",\"MetaData\":{\"Size\":1048576,\"Container\":\"mov,mp4\","
                + "\"Bitrate\":0,\"Height\":0,\"Width\":0,\"Duration\":0,\"Rotate\":0,\"VideoStreamSet\":[],\"AudioStreamSet\":[],"
                + "\"VideoDuration\":0,\"AudioDuration\":0,\"Md5\":\"\"}}}";
    }
}
