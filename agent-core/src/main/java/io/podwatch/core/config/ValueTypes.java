package io.podwatch.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The built-in {@link ValueType}s. */
public final class ValueTypes {
    private ValueTypes() {
    }

    /** A scalar type from a parse function that throws {@link IllegalArgumentException} on bad input. */
    public static <T> ValueType<T> scalar(String expected, Function<String, T> parse, Function<T, Object> show) {
        return new ValueType<>() {
            @Override
            public String expected() {
                return expected;
            }

            @Override
            public T read(Node node, String key, ConfigReader reader) {
                if (!(node instanceof ScalarNode s)) {
                    reader.error(node, key, ConfigReader.scalar(node), expected);
                    return null;
                }
                try {
                    return parse.apply(s.getValue().trim());
                } catch (RuntimeException e) {
                    reader.error(node, key, s.getValue(), expected);
                    return null;
                }
            }

            @Override
            public Object show(T value) {
                return show.apply(value);
            }
        };
    }

    public static ValueType<String> string() {
        return scalar("a string", s -> s, s -> s);
    }

    public static ValueType<String> nonEmpty(String expected) {
        return scalar(expected, s -> {
            if (s.isEmpty()) {
                throw new IllegalArgumentException();
            }
            return s;
        }, s -> s);
    }

    public static ValueType<Boolean> bool() {
        return scalar("true or false", s -> switch (s) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException();
        }, b -> b);
    }

    public static ValueType<Integer> integer(int min, int max) {
        return scalar("a whole number from " + min + " to " + max, s -> {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw new IllegalArgumentException();
            }
            return v;
        }, v -> v);
    }

    public static ValueType<Double> decimal(double min, double max) {
        return scalar("a number from " + min + " to " + max, s -> {
            double v = Double.parseDouble(s);
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException();
            }
            return v;
        }, v -> v);
    }

    public static ValueType<Duration> duration(Duration min, Duration max) {
        return scalar("a duration from " + Durations.format(min) + " to " + Durations.format(max)
                + " written like 500ms, 5s, 1m, 2h, 7d", s -> {
            Duration d = Durations.parse(s);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new IllegalArgumentException();
            }
            return d;
        }, Durations::format);
    }

    /** A byte size: a whole number with an optional unit B, KiB, MiB, GiB. */
    public static ValueType<Long> bytes(long min, long max) {
        return scalar("a size from " + min + " to " + max + " bytes written like 512KiB, 10MiB, 1GiB", s -> {
            long v = ByteSizes.parse(s);
            if (v < min || v > max) {
                throw new IllegalArgumentException();
            }
            return v;
        }, ByteSizes::format);
    }

    /** One of fixed lower-case words. */
    public static ValueType<String> oneOf(String... choices) {
        List<String> allowed = Arrays.asList(choices);
        return scalar("one of " + String.join(", ", choices), s -> {
            String v = s.toLowerCase(Locale.ROOT);
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException();
            }
            return v;
        }, v -> v);
    }

    /** {@code host:port}, with {@code [v6]:port} for IPv6; the port 1-65535. */
    public static ValueType<HostPort> hostPort() {
        return scalar("host:port such as 127.0.0.1:9883 or [::1]:9883", s -> {
            HostPort hp = HostPort.parse(s);
            if (hp.port() < 1) {
                throw new IllegalArgumentException();
            }
            return hp;
        }, HostPort::toString);
    }

    /** A YAML list of strings; a single scalar is accepted as a one-element list. */
    public static ValueType<List<String>> stringList() {
        return listOf(string());
    }

    public static <T> ValueType<List<T>> listOf(ValueType<T> element) {
        return new ValueType<>() {
            @Override
            public String expected() {
                return "a list of " + element.expected();
            }

            @Override
            public List<T> read(Node node, String key, ConfigReader reader) {
                if (node instanceof ScalarNode && !ConfigReader.isNull(node)) {
                    T v = element.read(node, key, reader);
                    return v == null ? List.of() : List.of(v);
                }
                if (ConfigReader.isNull(node)) {
                    return List.of();
                }
                if (!(node instanceof SequenceNode seq)) {
                    reader.error(node, key, ConfigReader.scalar(node), expected());
                    return List.of();
                }
                List<T> out = new ArrayList<>();
                List<Node> items = seq.getValue();
                for (int i = 0; i < items.size(); i++) {
                    T v = element.read(items.get(i), key + "[" + i + "]", reader);
                    if (v != null) {
                        out.add(v);
                    }
                }
                return List.copyOf(out);
            }

            @Override
            public Object show(List<T> value) {
                return value.stream().map(element::show).toList();
            }
        };
    }

    /** A list of mappings, each read against {@code settings} (e.g. {@code alerts.webhooks}). */
    public static ValueType<List<Config>> objects(String what, List<Setting<?>> settings) {
        return new ValueType<>() {
            @Override
            public String expected() {
                return "a list of " + what;
            }

            @Override
            public List<Config> read(Node node, String key, ConfigReader reader) {
                if (ConfigReader.isNull(node)) {
                    return List.of();
                }
                if (!(node instanceof SequenceNode seq)) {
                    reader.error(node, key, ConfigReader.scalar(node), expected());
                    return List.of();
                }
                List<Config> out = new ArrayList<>();
                List<Node> items = seq.getValue();
                for (int i = 0; i < items.size(); i++) {
                    out.add(reader.bind(items.get(i), settings, key + "[" + i + "]"));
                }
                return List.copyOf(out);
            }

            @Override
            public Object show(List<Config> value) {
                return Config.showAll(value);
            }

            @Override
            public List<Setting<?>> nested() {
                return List.copyOf(settings);
            }
        };
    }
}
