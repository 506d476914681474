package io.openvod.app.store;

import io.openvod.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store's contract test on one engine: two app nodes ({@link AppNodes}, two pools) on a new
 * database of {@link #engine()}, opened before each test and closed after it.
 */
abstract class OnTwoAppNodes {
    @TempDir
    Path dir;

    AppNodes nodes;

    /** The engine this run of the contract uses. */
    abstract TestDatabase engine();

    @BeforeEach
    void openNodes() {
        nodes = AppNodes.open(engine().newUrl(dir));
    }

    @AfterEach
    void closeNodes() {
        nodes.close();
    }
}
