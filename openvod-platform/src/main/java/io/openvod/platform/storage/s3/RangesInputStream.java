package io.openvod.platform.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Ranges of S3 objects read one after the other, each with a ranged GET opened only when the
 * previous range is done, and only if the object still has the ETag it had when planned. A range
 * that ends short is an error, never a shorter stream.
 */
final class RangesInputStream extends InputStream {
    private final S3Client client;
    private final String bucket;
    private final Iterator<S3Composer.Range> ranges;
    private ResponseInputStream<GetObjectResponse> current;
    private long currentLeft;

    RangesInputStream(S3Client client, String bucket, List<S3Composer.Range> ranges) {
        this.client = client;
        this.bucket = bucket;
        this.ranges = ranges.iterator();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (current == null || currentLeft == 0) {
            closeCurrent();
            if (!ranges.hasNext()) {
                return -1;
            }
            open(ranges.next());
        }
        int n = current.read(b, off, (int) Math.min(len, currentLeft));
        if (n < 0) {
            throw new IOException("a source object ended " + currentLeft + " bytes early");
        }
        currentLeft -= n;
        return n;
    }

    private void open(S3Composer.Range range) throws IOException {
        try {
            current = client.getObject(r -> r.bucket(bucket).key(range.source().key())
                    .ifMatch(range.source().eTag()).range(range.header()));
            currentLeft = range.length();
        } catch (SdkException e) {
            throw new IOException("cannot read a source object for compose", e);
        }
    }

    private void closeCurrent() throws IOException {
        if (current != null) {
            if (currentLeft > 0) {
                current.abort(); // do not download the rest just to reuse the connection
            }
            current.close();
            current = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeCurrent();
    }
}
