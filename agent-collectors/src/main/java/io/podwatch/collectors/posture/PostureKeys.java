package io.podwatch.collectors.posture;

import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueType;
import io.podwatch.core.config.ValueTypes;
import java.time.Duration;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The {@code posture.*} config keys. */
public final class PostureKeys {
    static final Setting<String> ALLOW_CHECK = Setting.of("check", ValueTypes.nonEmpty("a check id such as PW-C-PRIVILEGED, or *"),
            null, "The check the rule accepts (an id from docs/checks.md), or * for every check.");
    static final Setting<String> ALLOW_NAME = Setting.of("name", ValueTypes.string(), "",
            "Container name glob (* and ?); host-level findings have the name host. Empty: any.");
    static final Setting<String> ALLOW_LABEL = Setting.of("label", ValueTypes.string(), "",
            "Container label, key or key=value. Empty: any. With name, both must match.");
    static final Setting<String> ALLOW_REASON = Setting.of("reason", ValueTypes.nonEmpty("a non-empty reason"), null,
            "Why the operator accepts it; shown with the finding.");

    public static final Setting<Boolean> ENABLED = Setting.of("posture.enabled", ValueTypes.bool(), true,
            "Check containers and the host against the seeds' recommendations.");
    public static final Setting<Duration> INTERVAL = Setting.of("posture.interval",
            ValueTypes.duration(Duration.ofSeconds(30), Duration.ofDays(1)), Duration.ofMinutes(10),
            "How often every container is re-checked (they are also checked when created or started).");
    public static final Setting<Duration> HOST_INTERVAL = Setting.of("posture.host-interval",
            ValueTypes.duration(Duration.ofMinutes(1), Duration.ofDays(7)), Duration.ofHours(1),
            "How often the host, image and trust checks run (also at start).");
    public static final Setting<String> ALERT_MIN_SEVERITY = Setting.of("posture.alert-min-severity",
            ValueTypes.oneOf("info", "low", "medium", "high", "critical"), "critical",
            "Failing findings of this severity or above raise alerts (page someone); every finding, whatever its severity, "
                    + "is an event, a metric and on the status page. critical by default: a stock Podman host's containers "
                    + "all run as root (high), and day one must not page for what the operator already knows.");
    public static final Setting<Integer> UNUSED_DAYS = Setting.of("posture.unused-days", ValueTypes.integer(1, 3650), 30,
            "Images no container uses and stopped containers older than this are reported as sprawl.");
    public static final Setting<List<Config>> ALLOW = Setting.of("posture.allow", allowRules(), List.of(),
            "Accepted findings: list of {check, name, label, reason}; matching findings are reported as accepted.");

    private PostureKeys() {
    }

    public static List<Setting<?>> all() {
        return List.of(ENABLED, INTERVAL, HOST_INTERVAL, ALERT_MIN_SEVERITY, UNUSED_DAYS, ALLOW);
    }

    static List<Setting<?>> allowSettings() {
        return List.of(ALLOW_CHECK, ALLOW_NAME, ALLOW_LABEL, ALLOW_REASON);
    }

    /** Object list whose entries also need a known check id and a reason, reported with their line. */
    private static ValueType<List<Config>> allowRules() {
        ValueType<List<Config>> objects = ValueTypes.objects("allow rules {check, name, label, reason}", allowSettings());
        return new ValueType<>() {
            @Override
            public String expected() {
                return objects.expected();
            }

            @Override
            public List<Config> read(Node node, String key, ConfigReader reader) {
                List<Config> rules = objects.read(node, key, reader);
                List<Node> items = node instanceof SequenceNode s ? s.getValue() : List.of();
                for (int i = 0; i < rules.size() && i < items.size(); i++) {
                    Config r = rules.get(i);
                    String check = r.get(ALLOW_CHECK);
                    if (check == null) {
                        reader.error(items.get(i), key + "[" + i + "].check", null, "a check id such as PW-C-PRIVILEGED, or *");
                    } else if (!check.equals("*") && Catalog.byId(check).isEmpty()) {
                        reader.error(items.get(i), key + "[" + i + "].check", check, "a check id listed in docs/checks.md");
                    }
                    if (r.get(ALLOW_REASON) == null) {
                        reader.error(items.get(i), key + "[" + i + "].reason", null, "a non-empty reason");
                    }
                }
                return rules;
            }

            @Override
            public Object show(List<Config> value) {
                return objects.show(value);
            }

            @Override
            public List<Setting<?>> nested() {
                return objects.nested();
            }
        };
    }
}
