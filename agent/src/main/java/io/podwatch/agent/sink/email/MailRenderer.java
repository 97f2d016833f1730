package io.podwatch.agent.sink.email;

import io.podwatch.core.alert.AlertState;
import io.podwatch.core.alert.Notification;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Subject, plain text and HTML of one notification mail. HTML-escapes everything from alerts. */
final class MailRenderer {
    private MailRenderer() {
    }

    /** Names the alerts, the container (when the notification concerns one) and the host. */
    static String subject(String prefix, Notification n, String host) {
        long firing = n.alerts().stream().filter(AlertState::firing).count();
        String names = n.alerts().stream().map(a -> a.alert().name()).distinct().limit(3)
                .reduce((a, b) -> a + ", " + b).orElse("");
        String where = n.groupLabels().getOrDefault("container", "");
        if (where.isEmpty()) {
            List<String> containers = n.alerts().stream().map(a -> a.alert().labels().getOrDefault("container", ""))
                    .distinct().toList();
            where = containers.size() == 1 ? containers.get(0) : "";
        }
        return prefix + " " + n.status().label().toUpperCase(java.util.Locale.ROOT) + ": " + names
                + (where.isEmpty() ? "" : " on " + where) + (host.isEmpty() ? "" : " at " + host)
                + " (" + firing + " firing, " + (n.alerts().size() - firing) + " resolved)";
    }

    static String text(Notification n) {
        StringBuilder sb = new StringBuilder();
        for (AlertState a : n.alerts()) {
            sb.append('[').append(a.status().label().toUpperCase(java.util.Locale.ROOT)).append("] ")
                    .append(a.alert().name()).append(" (").append(a.alert().severity().label()).append(")")
                    .append(a.flapping() ? " FLAPPING" : "").append('\n');
            sb.append("  since ").append(a.startsAt()).append(a.endsAt() == null ? "" : " until " + a.endsAt()).append('\n');
            new TreeMap<>(a.alert().annotations()).forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
            new TreeMap<>(a.alert().labels()).forEach((k, v) -> sb.append("  label ").append(k).append('=').append(v).append('\n'));
            sb.append('\n');
        }
        sb.append("Notification ").append(n.id()).append('\n');
        return sb.toString();
    }

    static String html(Notification n) {
        StringBuilder sb = new StringBuilder("<html><body>");
        for (AlertState a : n.alerts()) {
            String colour = a.firing() ? "#b00020" : "#2e7d32";
            sb.append("<h3 style=\"color:").append(colour).append("\">").append(esc(a.status().label().toUpperCase(java.util.Locale.ROOT)))
                    .append(": ").append(esc(a.alert().name())).append(" (").append(esc(a.alert().severity().label())).append(")")
                    .append(a.flapping() ? " &mdash; flapping" : "").append("</h3><table>");
            row(sb, "since", a.startsAt().toString());
            if (a.endsAt() != null) {
                row(sb, "until", a.endsAt().toString());
            }
            for (Map.Entry<String, String> e : new TreeMap<>(a.alert().annotations()).entrySet()) {
                row(sb, e.getKey(), e.getValue());
            }
            for (Map.Entry<String, String> e : new TreeMap<>(a.alert().labels()).entrySet()) {
                row(sb, "label " + e.getKey(), e.getValue());
            }
            sb.append("</table>");
        }
        return sb.append("<p><small>Notification ").append(esc(n.id())).append("</small></p></body></html>").toString();
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append("<tr><th align=\"left\">").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
