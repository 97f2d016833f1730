package io.podwatch.core.inventory;

import java.nio.file.Path;
import java.util.List;

/**
 * One mount of a container as the engine's inspect reports it: bind mounts, named volumes, tmpfs.
 *
 * @param type {@code bind}, {@code volume}, {@code tmpfs}, ... as the engine names it
 * @param name the volume's name for named volumes, "" otherwise
 * @param source the host path (a volume's data directory), null when the mount has none (tmpfs)
 *     or the engine reported a path that is not one
 * @param destination the path inside the container
 * @param rw whether the container may write to it
 * @param options mount options as reported ({@code nosuid}, {@code rbind}, ...), never null
 */
public record Mount(String type, String name, Path source, String destination, boolean rw, List<String> options) {
    public Mount {
        type = type == null ? "" : type;
        name = name == null ? "" : name;
        destination = destination == null ? "" : destination;
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** The source as text, "" when there is none: how posture evidence names it. */
    public String sourceText() {
        return source == null ? "" : source.toString();
    }

    /**
     * A host path from the engine's text: null for empty text or text no path can be made from
     * (a NUL byte), so hostile inspect output cannot fail the whole document.
     */
    public static Path hostPath(String text) {
        if (text == null || text.isEmpty() || text.indexOf('\0') >= 0) {
            return null;
        }
        try {
            return Path.of(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
