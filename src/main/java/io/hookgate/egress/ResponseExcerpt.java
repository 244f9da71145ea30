package io.hookgate.egress;

import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns an untrusted response body into a short, printable, valid UTF-8 string for the attempt log. */
public final class ResponseExcerpt {

    /** Most UTF-8 bytes an excerpt may take. */
    public static final int MAX_BYTES = 1024;

    private ResponseExcerpt() {
    }

    /**
     * At most {@link #MAX_BYTES} of text. Tabs and line breaks become spaces; malformed UTF-8 and other
     * control or format characters become U+FFFD.
     */
    public static String of(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String decoded = decode(body, Math.min(body.length, MAX_BYTES + 4));
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < decoded.length(); ) {
            int codePoint = decoded.codePointAt(i);
            int printable = printable(codePoint);
            int size = utf8Length(printable);
            if (bytes + size > MAX_BYTES) {
                break;
            }
            out.appendCodePoint(printable);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    private static String decode(byte[] body, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(body, 0, length)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("REPLACE decoder cannot fail", e);
        }
    }

    private static int printable(int codePoint) {
        if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
            return ' ';
        }
        return isPrintable(codePoint) ? codePoint : 0xFFFD;
    }

    private static boolean isPrintable(int codePoint) {
        int type = Character.getType(codePoint);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && type != Character.UNASSIGNED
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
