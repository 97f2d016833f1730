package io.podwatch.agent.cli;

import io.podwatch.agent.BuiltIns;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigError;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** Reads the config file (the only file I/O of configuration) and validates it. */
public final class ConfigFiles {
    /** Far above any real config (the documented full config is ~10 KiB), far below the heap. */
    static final int MAX_BYTES = 1024 * 1024;

    private ConfigFiles() {
    }

    /** The embedded defaults when {@code file} is null, else the file validated against every built-in key. */
    public static Config load(Path file, HostEnv env) throws ConfigException {
        if (file == null) {
            return ConfigReader.defaults(BuiltIns.settings(), env);
        }
        String text = read(file);
        return ConfigReader.read(file.toString(), text, BuiltIns.settings(), env);
    }

    /**
     * The file's text, refusing what is not a config file before reading a byte: a FIFO would block
     * forever, {@code /dev/urandom} or a 50 MB file would fill the agent's small heap.
     */
    static String read(Path file) throws ConfigException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw fileError(file, "an existing file; it does not exist");
        } catch (IOException e) {
            throw fileError(file, "a readable file (" + IoMessages.describe(e) + ")");
        }
        if (a.isDirectory()) {
            throw fileError(file, "a regular file; it is a directory");
        }
        if (!a.isRegularFile()) {
            throw fileError(file, "a regular file; it is a device, FIFO or socket");
        }
        if (a.size() > MAX_BYTES) {
            throw fileError(file, "a config file of at most " + MAX_BYTES / 1024 + " KiB; it has " + a.size() + " bytes");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw fileError(file, "a readable file (" + IoMessages.describe(e) + ")");
        }
        if (bytes.length > MAX_BYTES) {
            throw fileError(file, "a config file of at most " + MAX_BYTES / 1024 + " KiB; it grew while being read");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw fileError(file, "UTF-8 text");
        }
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
