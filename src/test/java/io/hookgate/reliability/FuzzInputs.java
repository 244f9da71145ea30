package io.hookgate.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/** Hostile request bodies for scenario 9, all drawn from one seeded Random so a run can be replayed. */
final class FuzzInputs {

    private static final String[] FIELDS = {"name", "channels", "url", "event_types", "format", "secret",
        "description", "tenant_id", "status", "since", "until", "events", "message_id", "channel", "timestamp",
        "message_type", "message", "limit", "cursor"};
    private static final List<String> STRINGS = List.of("", "x", "*", "chat.message", "webhook.ping", "standard",
            "eventyay", "active", "disabled", "2026-01-01T00:00:00Z", "yesterday", "room-a", "\u0000",
            "a\u0000b", "\u202Eevil\u202C", "\\ud800", "\\udfff x", "whsec_", "whsec_!!!", "http://127.0.0.1:1/x",
            "http://169.254.169.254/latest", "file:///etc/passwd", "javascript:alert(1)", "\u00e9\u6f22\ud83d\ude00",
            "%00", "../../etc", "' OR 1=1 --", "${jndi:ldap://x}", "<script>", "\t\r\n");
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "-9223372036854775809",
            "9223372036854775808", "1e309", "-1e309", "1.5", "1e-400", "123456789012345678901234567890", "-0");

    private final Random random;
    private final String receiverUrl;

    FuzzInputs(Random random, String receiverUrl) {
        this.random = random;
        this.receiverUrl = receiverUrl;
    }

    /** A content type and body bytes; null body means none. */
    record Body(String contentType, byte[] bytes, String kind) {
    }

    Body next() {
        int k = random.nextInt(14);
        return switch (k) {
            case 0 -> new Body(null, null, "none");
            case 1 -> json("valid_subscription", validSubscription());
            case 2 -> json("valid_tenant", "{\"name\":\"fuzz-" + random.nextInt(1_000_000) + "\",\"channels\":[\"room-a\"]}");
            case 3 -> json("valid_event", validEvent());
            case 4 -> json("deep", deep(20 + random.nextInt(2000)));
            case 5 -> json("duplicate_keys", "{\"name\":\"a\",\"name\":\"b\",\"url\":\"" + receiverUrl
                    + "\",\"url\":\"" + receiverUrl + "\"}");
            case 6 -> truncated();
            case 7 -> new Body(pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/jsonx",
                    "")), randomObject(3).getBytes(StandardCharsets.UTF_8), "wrong_content_type");
            case 8 -> oversized();
            case 9 -> new Body("application/json", invalidUtf8(), "invalid_utf8");
            case 10 -> json("scalar", pick(List.of("null", "true", "[]", "[[[]]]", "\"str\"", "42", "{}", " ", "")));
            default -> json("random_object", randomObject(4));
        };
    }

    private Body json(String kind, String text) {
        return new Body("application/json", text.getBytes(StandardCharsets.UTF_8), kind);
    }

    private String validSubscription() {
        String extra = random.nextBoolean() ? "" : ",\"" + pick(List.of(FIELDS)) + "\":" + value(2);
        return "{\"url\":\"" + receiverUrl + "\",\"event_types\":[\"chat.message\"]" + extra + "}";
    }

    private String validEvent() {
        return "{\"message_id\":" + random.nextInt(1000) + ",\"channel\":\"room-a\",\"timestamp\":"
                + "\"2026-01-01T00:00:00Z\",\"message_type\":\"text\",\"message\":" + value(1) + "}";
    }

    private String deep(int depth) {
        boolean arrays = random.nextBoolean();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "[" : "{\"a\":");
        }
        sb.append("1");
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "]" : "}");
        }
        return sb.toString();
    }

    private Body truncated() {
        String full = random.nextBoolean() ? validSubscription() : randomObject(3);
        return json("truncated", full.substring(0, random.nextInt(Math.max(1, full.length()))));
    }

    private Body oversized() {
        int size = pick(List.of(64 * 1024 + 1, 300_000, 1024 * 1024 + 10, 3 * 1024 * 1024));
        String filler = "x".repeat(size);
        return json("oversized", "{\"name\":\"" + filler + "\",\"channels\":[\"room-a\"]}");
    }

    private byte[] invalidUtf8() {
        byte[] prefix = "{\"name\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] bad = pick(List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}));
        byte[] suffix = "\",\"channels\":[\"*\"]}".getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[prefix.length + bad.length + suffix.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(bad, 0, out, prefix.length, bad.length);
        System.arraycopy(suffix, 0, out, prefix.length + bad.length, suffix.length);
        return out;
    }

    String randomObject(int depth) {
        StringBuilder sb = new StringBuilder("{");
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String key = random.nextInt(5) == 0 ? "unknown_" + random.nextInt(100) : pick(List.of(FIELDS));
            sb.append('"').append(key).append("\":").append(value(depth - 1));
        }
        return sb.append('}').toString();
    }

    private String value(int depth) {
        List<Supplier<String>> kinds = List.of(
                () -> quoted(pick(STRINGS)),
                () -> pick(NUMBERS),
                () -> pick(List.of("true", "false", "null")),
                () -> "[" + quoted(pick(STRINGS)) + "," + pick(NUMBERS) + "]",
                () -> quoted(receiverUrl),
                () -> quoted("x".repeat(random.nextInt(4000))),
                () -> depth > 0 ? randomObject(depth) : "{}",
                () -> depth > 0 ? "[" + value(depth - 1) + "]" : "[]");
        return pick(kinds).get();
    }

    /** JSON string literal; "\\ud800" entries stay escapes, so lone surrogates reach the parser as such. */
    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"') {
                sb.append("\\\"");
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
