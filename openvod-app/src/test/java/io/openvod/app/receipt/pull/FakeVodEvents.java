package io.openvod.app.receipt.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A VOD event queue in memory, as PULL mode behaves: every pull hands out all unconfirmed events
 * with fresh handles (as if their visibility had passed), a confirmed handle takes its event off
 * the queue; errors and checks can be injected.
 */
final class FakeVodEvents implements VodEventsClient {
    /** Runs before a call; may throw to make it fail. */
    @FunctionalInterface
    interface Hook {
        void run() throws IOException;
    }

    private final Map<Integer, JsonNode> queue = new LinkedHashMap<>();
    private final Map<String, Integer> handles = new LinkedHashMap<>();
    final List<String> confirmed = new CopyOnWriteArrayList<>();
    final List<Thread> pullThreads = new CopyOnWriteArrayList<>();
    volatile Hook beforePull = () -> { };
    volatile Hook beforeConfirm = () -> { };
    private int next;

    /** Queues {@code body} (again, when given twice: VOD may deliver a body twice). */
    synchronized void add(JsonNode body) {
        queue.put(next++, body);
    }

    synchronized int unconfirmed() {
        return queue.size();
    }

    @Override
    public List<PulledEvent> pull() throws IOException {
        pullThreads.add(Thread.currentThread());
        beforePull.run();
        synchronized (this) {
            List<PulledEvent> out = new ArrayList<>();
            for (Map.Entry<Integer, JsonNode> event : queue.entrySet()) {
                String handle = "handle-" + event.getKey() + "-" + handles.size();
                handles.put(handle, event.getKey());
                ObjectNode element = ((ObjectNode) event.getValue()).deepCopy();
                element.put("EventHandle", handle);
                out.add(new PulledEvent(handle, element));
            }
            return out;
        }
    }

    @Override
    public void confirm(List<String> confirming) throws IOException {
        beforeConfirm.run();
        synchronized (this) {
            for (String handle : confirming) {
                Integer event = handles.remove(handle);
                if (event != null) {
                    queue.remove(event);
                }
                confirmed.add(handle);
            }
        }
    }

    @Override
    public String toString() {
        return "FakeVodEvents";
    }
}
