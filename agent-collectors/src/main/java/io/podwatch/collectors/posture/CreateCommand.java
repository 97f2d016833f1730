package io.podwatch.collectors.posture;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads options from a container's recorded create command ({@code Config.CreateCommand}), for
 * the few settings inspect does not report faithfully. Handles {@code --opt value} and
 * {@code --opt=value}. Containers created through the API have no create command: empty results.
 */
final class CreateCommand {
    private CreateCommand() {
    }

    static List<String> optionValues(List<String> argv, String option) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals(option) && i + 1 < argv.size()) {
                out.add(argv.get(i + 1));
            } else if (a.startsWith(option + "=")) {
                out.add(a.substring(option.length() + 1));
            }
        }
        return out;
    }

    /**
     * The image as the user typed it: the argument that names {@code resolvedImage} in a shorter
     * form or in full; empty when it cannot be told.
     */
    static String imageAsTyped(List<String> argv, String resolvedImage) {
        String bare = resolvedImage.endsWith(":latest") ? resolvedImage.substring(0, resolvedImage.length() - 7) : resolvedImage;
        for (String a : argv) {
            if (a.startsWith("-")) {
                continue;
            }
            String t = a.endsWith(":latest") ? a.substring(0, a.length() - 7) : a;
            if (t.equals(bare) || bare.endsWith("/" + t)) {
                return a;
            }
        }
        return "";
    }
}
