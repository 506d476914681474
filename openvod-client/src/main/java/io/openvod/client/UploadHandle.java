package io.openvod.client;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A running upload. {@link #future()} completes with the {@link UploadResult}, or exceptionally
 * with an {@link UploadException}. {@link #cancel()} stops it: requests in flight are aborted,
 * nothing is committed, the future completes with {@link UploadError#CANCELLED}, and the session
 * record stays, so uploading the same file again resumes where this one stopped.
 */
public final class UploadHandle {
    private final UploadRun run;
    private final CompletableFuture<UploadResult> future;

    UploadHandle(UploadRun run, CompletableFuture<UploadResult> future) {
        this.run = run;
        this.future = future;
        // Cancelling the future itself stops the upload as well.
        future.whenComplete((result, failure) -> {
            if (failure instanceof CancellationException) {
                run.cancel();
            }
        });
    }

    /** Completes with the result, or exceptionally with an {@link UploadException}. */
    public CompletableFuture<UploadResult> future() {
        return future;
    }

    /** Stops the upload; does nothing once it has finished. Returns at once. */
    public void cancel() {
        run.cancel();
    }

    /** Waits for the upload to end. */
    public UploadResult await() throws UploadException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UploadException ue) {
                throw ue;
            }
            throw new UploadException(UploadError.PROTOCOL, "the upload failed unexpectedly: " + e.getCause(), e.getCause());
        } catch (CancellationException e) {
            throw new UploadException(UploadError.CANCELLED, "the upload was cancelled", e);
        }
    }
}
