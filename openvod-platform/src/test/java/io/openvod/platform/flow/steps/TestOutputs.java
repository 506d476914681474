package io.openvod.platform.flow.steps;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.flow.StepInput;
import io.openvod.platform.flow.StepOutputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Step outputs copied into a directory, with URLs {@code http://media.test/<name>}. */
final class TestOutputs implements StepOutputs {
    static final String BASE = "http://media.test/";
    final Path root;
    final List<String> stored = new CopyOnWriteArrayList<>();

    TestOutputs(Path root) {
        this.root = root;
    }

    @Override
    public String store(String name, Path file) {
        try {
            Path target = root.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            stored.add(name);
            return url(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String url(String name) {
        return BASE + name;
    }

    /** The stored file behind a URL this returned. */
    Path file(String url) {
        return root.resolve(url.substring(BASE.length()));
    }

    /** A step input over {@code source} with a fresh work directory under {@code temp}. */
    static StepInput input(Path temp, Path source, double duration, ObjectNode taskInput, TestOutputs outputs) {
        try {
            Path work = Files.createTempDirectory(temp, "work");
            return new StepInput("task-1", "file-1", source, duration, taskInput, work, outputs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode json() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Records progress reports. */
    static final class Progress implements io.openvod.platform.flow.TaskStep.ProgressListener {
        final List<Integer> reports = new ArrayList<>();

        @Override
        public synchronized void progress(int percent) {
            reports.add(percent);
        }
    }
}
