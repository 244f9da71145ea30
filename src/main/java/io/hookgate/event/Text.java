package io.hookgate.event;

/** Small string helpers for validation and for details that must stay short and printable. */
final class Text {

    private static final int SNIPPET_CHARS = 32;

    private Text() {
    }

    /** Cuts {@code s} to at most {@code max} chars, ending in an ellipsis, never splitting a surrogate pair. */
    static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    /** A short, quoted, printable excerpt of untrusted input for error details. */
    static String snippet(String s) {
        String cut = truncate(s, SNIPPET_CHARS);
        StringBuilder out = new StringBuilder(cut.length() + 2).append('"');
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.append('"').toString();
    }

    /** Length in Unicode code points (what "characters" means for our limits). */
    static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    /** True if {@code s} contains a C0 control character or DEL. */
    static boolean hasControlChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Number of bytes the chars would take in UTF-8 (a valid pair counts 4, as encoded). */
    static long utf8Length(char[] chars, int offset, int length) {
        long bytes = 0;
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800 || Character.isSurrogate(c)) {
                bytes += 2;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Index of the first <code>&#92;uXXXX</code> escape in JSON text that decodes to an unpaired UTF-16
     * surrogate, or -1. Text decoded from strict UTF-8 holds raw surrogates only in valid pairs, so
     * escapes are all that can be unpaired. Tolerates invalid JSON (the JSON parser reports that).
     */
    static int loneSurrogateEscape(String json) {
        int i = json.indexOf('\\');
        while (i >= 0) {
            int unit = escapedUnit(json, i);
            if (unit < 0) {
                // another escape: skip the escaped char, so an escaped backslash before "ud800" is not misread
                i = json.indexOf('\\', i + 2);
                continue;
            }
            if (Character.isLowSurrogate((char) unit)) {
                return i;
            }
            if (Character.isHighSurrogate((char) unit)) {
                int next = escapedUnit(json, i + 6);
                if (next < 0 || !Character.isLowSurrogate((char) next)) {
                    return i;
                }
                i += 6;
            }
            i = json.indexOf('\\', i + 6);
        }
        return -1;
    }

    /** The UTF-16 unit of a <code>&#92;uXXXX</code> escape starting at {@code at}, or -1 if there is none. */
    private static int escapedUnit(String s, int at) {
        if (at + 6 > s.length() || s.charAt(at) != '\\' || s.charAt(at + 1) != 'u') {
            return -1;
        }
        int unit = 0;
        for (int k = at + 2; k < at + 6; k++) {
            int digit = Character.digit(s.charAt(k), 16);
            if (digit < 0) {
                return -1;
            }
            unit = unit << 4 | digit;
        }
        return unit;
    }
}
