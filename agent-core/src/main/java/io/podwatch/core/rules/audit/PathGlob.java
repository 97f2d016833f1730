package io.podwatch.core.rules.audit;

import java.util.regex.Pattern;

/**
 * A path pattern in rules: {@code *} matches within one path segment, {@code **} across segments,
 * {@code ?} one character; anything else literally. {@code /etc/sudoers*} matches
 * {@code /etc/sudoers} and {@code /etc/sudoers.d}, {@code /etc/**} everything below /etc.
 */
public record PathGlob(String glob, Pattern regex) {
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
        return new PathGlob(glob, Pattern.compile(re.toString()));
    }

    public boolean matches(String path) {
        return path != null && regex.matcher(path).matches();
    }
}
