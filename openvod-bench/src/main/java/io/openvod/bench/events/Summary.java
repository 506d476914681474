package io.openvod.bench.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The medians of the rounds, with their spread (min–max). */
final class Summary {
    private Summary() {
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static void print(List<EventDelivery.Round> rounds) {
        System.out.println("medians of " + rounds.size() + " rounds (min–max):");
        line(rounds, "ceiling (bare POST loop), events/s", EventDelivery.Round::ceiling);
        line(rounds, "offered rate: written, events/s", EventDelivery.Round::offered);
        line(rounds, "offered rate: answered 2xx within the window, events/s", EventDelivery.Round::offeredDelivered);
        line(rounds, "offered rate: backlog drained after the window, s", EventDelivery.Round::offeredDrain);
        line(rounds, "max: committed, events/s", EventDelivery.Round::committedPerSecond);
        line(rounds, "max: answered 2xx within the window, events/s", EventDelivery.Round::deliveredPerSecond);
        line(rounds, "max: backlog drained after the window, s", EventDelivery.Round::maxDrainSeconds);
        line(rounds, "max: sustained (all written / (window + drain)), events/s", EventDelivery.Round::sustained);
        line(rounds, "steady rate: commit -> 2xx p50, ms", EventDelivery.Round::p50);
        line(rounds, "steady rate: commit -> 2xx p99, ms", EventDelivery.Round::p99);
        line(rounds, "steady rate: commit -> 2xx max, ms", EventDelivery.Round::max);
        line(rounds, "outage: events written", EventDelivery.Round::outageEvents);
        line(rounds, "outage: events delivered", EventDelivery.Round::outageDelivered);
        line(rounds, "outage: duplicates", EventDelivery.Round::outageDuplicates);
        line(rounds, "outage: drained after recovery, s", EventDelivery.Round::drainSeconds);
        line(rounds, "bad signatures", EventDelivery.Round::badSignatures);
    }

    private static void line(List<EventDelivery.Round> rounds, String name, ToDoubleFunction<EventDelivery.Round> value) {
        List<Double> values = new ArrayList<>();
        rounds.forEach(r -> values.add(value.applyAsDouble(r)));
        values.sort(null);
        System.out.printf(Locale.ROOT, "  %-58s %10.1f  (%.1f–%.1f)%n", name, percentile(values, 50), values.getFirst(), values.getLast());
    }
}
