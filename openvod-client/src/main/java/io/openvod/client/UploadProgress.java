package io.openvod.client;

/**
 * Where an upload stands.
 *
 * @param bytesDone bytes of the video stored or being sent, counting parts stored by an earlier run
 * @param bytesTotal the video's size
 * @param partsDone video parts stored, counting parts stored by an earlier run
 * @param partsTotal the video's parts
 */
public record UploadProgress(long bytesDone, long bytesTotal, int partsDone, int partsTotal) {
    /** The share done, 0.0 to 1.0 (1.0 for an empty file). */
    public double fraction() {
        return bytesTotal == 0 ? 1.0 : Math.min(1.0, (double) bytesDone / bytesTotal);
    }
}
