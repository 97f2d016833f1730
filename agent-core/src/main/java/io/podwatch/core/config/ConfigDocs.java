package io.podwatch.core.config;

import java.util.List;

/** Renders {@code docs/configuration.md} from the setting declarations, so the docs cannot drift. */
public final class ConfigDocs {
    private ConfigDocs() {
    }

    public static String markdown(List<Setting<?>> settings) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Configuration\n\n")
                .append("<!-- generated from the Setting declarations by DocsTest; do not edit by hand -->\n\n")
                .append("podwatch reads one YAML file (`podwatch run --config FILE`). Every key is optional; without a file\n")
                .append("the defaults below apply. Unknown keys and invalid values are errors: `podwatch config validate FILE`\n")
                .append("lists them all with file, line, key, the value found and what was expected, and exits 3.\n")
                .append("`podwatch config show [--config FILE]` prints the effective configuration with secrets redacted.\n")
                .append("Durations are written `500ms`, `5s`, `1m`, `2h`, `7d`; sizes `512KiB`, `10MiB`, `1GiB`.\n");
        String section = null;
        for (Setting<?> s : settings) {
            String top = s.key().contains(".") ? s.key().substring(0, s.key().indexOf('.')) : "general";
            if (!top.equals(section)) {
                section = top;
                sb.append("\n## ").append(top).append("\n\n| key | value | default | meaning |\n|---|---|---|---|\n");
            }
            row(sb, s.key(), s);
            for (Setting<?> n : s.type().nested()) {
                row(sb, s.key() + "[]." + n.key(), n);
            }
        }
        return sb.toString();
    }

    /** One component's keys as a table, for its page under {@code docs/plugins/}. */
    public static String table(List<Setting<?>> settings) {
        StringBuilder sb = new StringBuilder("| key | value | default | meaning |\n|---|---|---|---|\n");
        for (Setting<?> s : settings) {
            row(sb, s.key(), s);
            for (Setting<?> n : s.type().nested()) {
                row(sb, s.key() + "[]." + n.key(), n);
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String key, Setting<?> s) {
        sb.append("| `").append(key).append("` | ").append(cell(s.type().expected())).append(" | ")
                .append(cell(s.defaultDoc())).append(" | ").append(cell(s.doc()))
                .append(s.secret() ? " (secret: never shown)" : "").append(" |\n");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
