package io.podwatch.core.rules.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path pattern in rules: {@code *} matches within one path segment, {@code **} across segments,
 * {@code ?} one character; anything else literally. {@code /etc/sudoers*} matches
 * {@code /etc/sudoers} and {@code /etc/sudoers.d}, {@code /etc/**} everything below /etc.
 */
public record PathGlob(String glob, Pattern regex, String prefix, List<String> literals, boolean exact) {
    public static PathGlob of(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("empty path pattern");
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        // every path of every event is tried against every pattern: cheap literal checks go first
        String[] parts = glob.split("[*?]+", -1);
        boolean exact = parts.length == 1;
        List<String> literals = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                literals.add(parts[i]);
            }
        }
        return new PathGlob(glob, Pattern.compile(re.toString()), parts[0], List.copyOf(literals), exact);
    }

    public boolean matches(String path) {
        if (path == null) {
            return false;
        }
        if (exact) {
            return path.equals(glob);
        }
        if (!path.startsWith(prefix)) {
            return false;
        }
        for (String l : literals) {
            if (!path.contains(l)) {
                return false;
            }
        }
        return regex.matcher(path).matches();
    }
}
