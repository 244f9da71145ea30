package io.hookgate.api;

import java.util.Optional;

/**
 * Rules for short, human-visible text (names, channel ids, descriptions): a length in code points, and none of the
 * characters that hide or reorder text (controls, bidi and other format characters, unpaired surrogates).
 */
public final class TextRules {

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    private TextRules() {
    }

    /** Why {@code text} is not an acceptable single line of 1..maxChars characters, or empty when it is. */
    public static Optional<String> lineProblem(String text, int maxChars) {
        int length = text.codePointCount(0, text.length());
        if (length == 0) {
            return Optional.of("must not be empty");
        }
        if (length > maxChars) {
            return Optional.of("must be at most " + maxChars + " characters");
        }
        if (text.isBlank()) {
            return Optional.of("must not be blank");
        }
        return hasHiddenCharacter(text)
                ? Optional.of("must not contain control, format or unpaired surrogate characters")
                : Optional.empty();
    }

    /** True when text contains a character that is invisible, reorders text or is not valid Unicode. */
    public static boolean hasHiddenCharacter(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isHidden(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** A short, printable rendering of untrusted text for a problem detail. */
    public static String printable(String text, int maxChars) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length(); count++) {
            if (count == maxChars) {
                return out.append('…').toString();
            }
            int cp = text.codePointAt(i);
            out.appendCodePoint(isHidden(cp) ? '?' : cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean isHidden(int cp) {
        int type = Character.getType(cp);
        // joiners are format characters too, but emoji sequences need them
        boolean format = type == Character.FORMAT && cp != ZWJ && cp != ZWNJ;
        return type == Character.CONTROL || format || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (cp & 0xFFFE) == 0xFFFE;
    }
}
