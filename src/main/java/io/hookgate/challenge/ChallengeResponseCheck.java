package io.hookgate.challenge;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a challenge response echoes the token. Accepted: a 2xx with {@code application/json}
 * {@code {"challenge": "<token>"}}, or {@code text/plain} whose body is the token (a trailing newline is
 * tolerated). Returns the failure reason code, or empty when the response passes.
 */
public final class ChallengeResponseCheck {

    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ChallengeResponseCheck() {
    }

    /** Empty when the response passes; else {@code status_<code>}, {@code mismatch} or {@code invalid_response}. */
    public static Optional<String> failure(int status, String contentType, byte[] body, String token) {
        if (status < 200 || status > 299) {
            return Optional.of("status_" + status);
        }
        String mediaType = mediaType(contentType);
        Optional<String> text = utf8(body);
        if (text.isEmpty()) {
            return Optional.of("invalid_response");
        }
        if (mediaType.equals("application/json")) {
            return jsonFailure(text.get(), token);
        }
        if (mediaType.equals("text/plain")) {
            return sameToken(stripTrailingNewline(text.get()), token) ? Optional.empty() : Optional.of("mismatch");
        }
        return Optional.of("invalid_response");
    }

    private static Optional<String> jsonFailure(String json, String token) {
        JsonNode root;
        try {
            root = STRICT_JSON.readTree(json);
        } catch (IOException e) {
            return Optional.of("invalid_response");
        }
        if (root == null || !root.isObject()) {
            return Optional.of("invalid_response");
        }
        JsonNode echoed = root.get("challenge");
        if (echoed == null || !echoed.isTextual()) {
            return Optional.of("invalid_response");
        }
        return sameToken(echoed.textValue(), token) ? Optional.empty() : Optional.of("mismatch");
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }

    // Decode strictly: a body that is not UTF-8 cannot contain the (ASCII) token honestly.
    private static Optional<String> utf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body == null ? new byte[0] : body))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String stripTrailingNewline(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static boolean sameToken(String echoed, String token) {
        return MessageDigest.isEqual(echoed.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
