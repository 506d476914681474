package io.openvod.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The samples of a Prometheus text exposition ({@code GET /metrics}), parsed for tests: each line
 * {@code name{label="value",…} number} becomes a {@link Sample}; comments and blank lines are skipped.
 */
public final class PrometheusText {
    /** One sample: the metric's name, its labels and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line.strip()));
            }
        }
        return new PrometheusText(samples);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The samples named {@code name} whose labels include {@code labels} (given as name, value, name, value …). */
    public List<Sample> find(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(wanted.entrySet())).toList();
    }

    /** The sum of the samples {@link #find} finds; empty when there is none. */
    public Optional<Double> sum(String name, String... labels) {
        List<Sample> found = find(name, labels);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.stream().mapToDouble(Sample::value).sum());
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        String rest;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            int end = labels(line, brace + 1, labels);
            rest = line.substring(end + 1).strip();
        } else {
            name = line.substring(0, space);
            rest = line.substring(space + 1).strip();
        }
        String number = rest.split(" ")[0];
        return new Sample(name, labels, switch (number) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(number);
        });
    }

    /** Reads {@code a="x",b="y"} from {@code start} into {@code labels}; returns the index of the closing brace. */
    private static int labels(String line, int start, Map<String, String> labels) {
        int i = start;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            String label = line.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            int j = equals + 2; // past ="
            while (line.charAt(j) != '"') {
                char c = line.charAt(j);
                if (c == '\\') {
                    char next = line.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
                j++;
            }
            labels.put(label, value.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i;
    }
}
