package io.openvod.client;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The uploading process that {@link ResumeAfterKillTest} kills: uploads {@code args[1]} to the
 * platform at {@code args[0]} with 1 MiB parts one at a time, remembering the session in
 * {@code args[2]}, prints {@code PARTS n} as parts are stored and, after {@code args[3]} parts,
 * prints {@code STALLED} and waits to be killed.
 */
public final class StallingUploadMain {
    private StallingUploadMain() {
    }

    public static void main(String[] args) throws Exception {
        int stallAfter = Integer.parseInt(args[3]);
        AtomicInteger printed = new AtomicInteger();
        ProgressListener listener = p -> {
            if (p.partsDone() > printed.get()) {
                printed.set(p.partsDone());
                System.out.println("PARTS " + p.partsDone());
                if (p.partsDone() >= stallAfter) {
                    System.out.println("STALLED");
                    System.out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                System.out.flush();
            }
        };
        Uploader.builder().platform(args[0]).signatures(PlatformUploads.counting(new AtomicInteger())).partSize(Uploader.MIN_PART_SIZE)
                .concurrency(1).sessions(new DirectorySessionStore(Path.of(args[2]))).progress(listener).build()
                .upload(Path.of(args[1]), null);
        System.out.println("FINISHED");
    }
}
