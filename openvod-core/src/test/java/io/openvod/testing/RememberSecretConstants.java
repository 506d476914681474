package io.openvod.testing;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Remembers the secret constants of every test class as it starts ({@link TestSecrets#rememberConstants}),
 * so that the fixed keys, webhook secrets and passwords tests declare are part of the log scan.
 * Registered for every module whose tests have openvod-core's test jar, through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class RememberSecretConstants implements TestExecutionListener {
    @Override
    public void executionStarted(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof ClassSource classSource) {
            try {
                for (Class<?> type = classSource.getJavaClass(); type != null; type = type.getEnclosingClass()) {
                    TestSecrets.rememberConstants(type);
                }
            } catch (RuntimeException | LinkageError e) {
                // a class that cannot be loaded here fails in its own engine, not in this listener
            }
        }
    }
}
