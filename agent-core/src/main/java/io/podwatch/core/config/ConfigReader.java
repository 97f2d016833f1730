package io.podwatch.core.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a YAML text against a list of declared settings, collecting every error (with file, line,
 * key, value found and what was expected) instead of stopping at the first. Pure: no file I/O.
 */
public final class ConfigReader {
    private final String file;
    private final HostEnv env;
    private final List<ConfigError> errors = new ArrayList<>();

    private ConfigReader(String file, HostEnv env) {
        this.file = file;
        this.env = env;
    }

    /** Parses {@code yaml} (named {@code file} in messages); throws with all errors found. */
    public static Config read(String file, String yaml, List<Setting<?>> settings, HostEnv env) throws ConfigException {
        ConfigReader r = new ConfigReader(file, env);
        Node root = r.compose(yaml);
        Config c = r.bind(root, settings, "");
        if (!r.errors.isEmpty()) {
            throw new ConfigException(r.errors);
        }
        return c;
    }

    /** The defaults alone, as when no file is given. */
    public static Config defaults(List<Setting<?>> settings, HostEnv env) {
        try {
            return read("<defaults>", "", settings, env);
        } catch (ConfigException e) {
            throw new IllegalStateException("defaults do not validate: " + e.getMessage(), e);
        }
    }

    private Node compose(String yaml) {
        try {
            LoaderOptions opts = new LoaderOptions();
            opts.setAllowRecursiveKeys(false);
            opts.setMaxAliasesForCollections(10);
            return new Yaml(opts).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            errors.add(new ConfigError(file, line, "", null, "valid YAML (" + e.getProblem() + ")"));
        } catch (YAMLException e) {
            errors.add(new ConfigError(file, 0, "", null, "valid YAML (" + e.getMessage() + ")"));
        }
        return null;
    }

    /** Binds a mapping node to settings whose keys are relative to {@code prefix}. */
    Config bind(Node root, List<Setting<?>> settings, String prefix) {
        Map<String, Node> found = new HashMap<>();
        if (root != null) {
            if (root instanceof MappingNode m) {
                collect(m, "", settings, found, prefix);
            } else if (!(root instanceof ScalarNode s && s.getValue().isEmpty())) {
                error(root, prefix, null, "a mapping of keys to values");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Boolean> explicit = new HashMap<>();
        for (Setting<?> s : settings) {
            Node n = found.get(s.key());
            if (n == null) {
                values.put(s.key(), s.defaultValue().apply(env));
            } else {
                int before = errors.size();
                values.put(s.key(), s.type().read(n, join(prefix, s.key()), this));
                explicit.put(s.key(), true);
                if (s.secret()) {
                    redactFrom(before);
                }
            }
        }
        return new Config(settings, values, explicit);
    }

    private void collect(MappingNode m, String path, List<Setting<?>> settings, Map<String, Node> found,
                         String prefix) {
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                error(t.getKeyNode(), join(prefix, path), null, "a plain key");
                continue;
            }
            String key = join(path, k.getValue());
            if (!seen.add(k.getValue())) {
                error(k, join(prefix, key), null, "each key at most once");
            } else if (settings.stream().anyMatch(s -> s.key().equals(key))) {
                found.put(key, t.getValueNode());
            } else if (settings.stream().anyMatch(s -> s.key().startsWith(key + "."))) {
                if (t.getValueNode() instanceof MappingNode sub) {
                    collect(sub, key, settings, found, prefix);
                } else if (!isNull(t.getValueNode())) {
                    error(t.getValueNode(), join(prefix, key), scalar(t.getValueNode()), "a section of keys: " + children(key, settings));
                }
            } else {
                error(k, join(prefix, key), null, "a known key; unknown here (known: " + children(path, settings) + ")");
            }
        }
    }

    private static String children(String path, List<Setting<?>> settings) {
        Set<String> names = new TreeSet<>();
        String p = path.isEmpty() ? "" : path + ".";
        for (Setting<?> s : settings) {
            if (s.key().startsWith(p)) {
                names.add(s.key().substring(p.length()).split("\\.")[0]);
            }
        }
        return String.join(", ", names);
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && (s.getValue().isEmpty() || s.getValue().equals("~") || s.getValue().equals("null"));
    }

    static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : n.getNodeId().name();
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    /** A secret's value must not reach the terminal or the journal, even when it is wrong. */
    private void redactFrom(int index) {
        for (int i = index; i < errors.size(); i++) {
            ConfigError e = errors.get(i);
            errors.set(i, new ConfigError(e.file(), e.line(), e.key(), e.found() == null ? null : "<redacted>", e.expected()));
        }
    }

    /** Records a problem at {@code node}'s line. */
    public void error(Node node, String key, String found, String expected) {
        int line = node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
        errors.add(new ConfigError(file, line, key, found, expected));
    }
}
