package io.podwatch.agent.cli;

import io.podwatch.agent.BuiltIns;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigError;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads the config file (the only file I/O of configuration) and validates it. */
public final class ConfigFiles {
    private ConfigFiles() {
    }

    /** The embedded defaults when {@code file} is null, else the file validated against every built-in key. */
    public static Config load(Path file, HostEnv env) throws ConfigException {
        if (file == null) {
            return ConfigReader.defaults(BuiltIns.settings(), env);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw fileError(file, "an existing file; it does not exist");
        } catch (MalformedInputException e) {
            throw fileError(file, "UTF-8 text");
        } catch (IOException e) {
            throw fileError(file, "a readable file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return ConfigReader.read(file.toString(), text, BuiltIns.settings(), env);
    }

    private static ConfigException fileError(Path file, String expected) {
        return new ConfigException(List.of(new ConfigError(file.toString(), 0, "", null, expected)));
    }

    /** The environment defaults depend on; root is uid 0 as the kernel reports it. */
    public static HostEnv hostEnv() {
        boolean root;
        try {
            root = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[2].equals("0"));
        } catch (IOException | RuntimeException e) {
            root = "root".equals(System.getProperty("user.name"));
        }
        return HostEnv.current(root);
    }
}
