package io.hookgate.inbound.render;

import java.util.Locale;
import java.util.Optional;

/**
 * Makes untrusted payload text safe and short for a chat line: one line, no control characters, no bidi
 * overrides (which can make a line read differently from what it says), no unpaired surrogates (not encodable
 * as UTF-8), whitespace collapsed, cut to a number of code points with an ellipsis.
 */
final class Clean {

    /** Longest {@code text}. */
    static final int TEXT_CHARS = 280;
    /** Longest {@code title}. */
    static final int TITLE_CHARS = 120;
    /** Longest {@code actor}, {@code action}, branch or tag name. */
    static final int NAME_CHARS = 64;
    /** Longest excerpt of a commit message or comment inside {@code text}. */
    static final int EXCERPT_CHARS = 100;
    /** Longest {@code url}. */
    static final int URL_CHARS = 2048;

    private Clean() {
    }

    /** The first line of {@code s}, cleaned and cut to {@code max} code points; "" for null. */
    static String line(String s, int max) {
        if (s == null) {
            return "";
        }
        int end = firstLineEnd(s);
        return cut(collapse(s, end), max);
    }

    /** {@code s} (already built from cleaned parts) cut to {@code max} code points. */
    static String cut(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }

    /** An absolute {@code http} or {@code https} URL without spaces or controls, else empty. */
    static Optional<String> url(String s) {
        if (s == null || s.length() > URL_CHARS) {
            return Optional.empty();
        }
        String lower = s.toLowerCase(Locale.ROOT);
        boolean web = lower.startsWith("https://") || lower.startsWith("http://");
        boolean clean = s.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        return web && clean ? Optional.of(s) : Optional.empty();
    }

    private static int firstLineEnd(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                return i;
            }
        }
        return s.length();
    }

    private static String collapse(String s, int end) {
        StringBuilder out = new StringBuilder(Math.min(end, 4 * TEXT_CHARS));
        boolean space = false;
        for (int i = 0; i < end && out.length() < 4 * TEXT_CHARS; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else if (keep(s, i, c)) {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean keep(String s, int i, char c) {
        if (Character.isISOControl(c) || isBidiControl(c)) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return true;
    }

    private static boolean isBidiControl(char c) {
        return c == '\u061c' || c == '\u200e' || c == '\u200f' || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069';
    }
}
