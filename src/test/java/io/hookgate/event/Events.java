package io.hookgate.event;

import java.nio.charset.StandardCharsets;

/** Test fixtures: chat event JSON built from a valid template. */
final class Events {

    static final String VALID = """
            {"message_id":4711,"channel":"9f1c","timestamp":"2026-11-22T10:15:30Z","message_type":"text",\
            "message":"hello","screen_name":"Ada","sender_id":"u-17","centralauth_id":123,\
            "centralauth_username":"Ada (WMF)","profile_img":null,"user_language":"en","meta":{}}""";

    private static final String[] KNOWN = {"message_id", "channel", "timestamp", "message_type", "message", "meta"};

    private Events() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A small valid event with one field's JSON value replaced (removed when {@code json} is null) or added. */
    static String with(String field, String json) {
        StringBuilder out = new StringBuilder("{");
        boolean known = false;
        for (String name : KNOWN) {
            known |= name.equals(field);
            String value = name.equals(field) ? json : defaultValue(name);
            if (value != null) {
                out.append(out.length() > 1 ? "," : "").append('"').append(name).append("\":").append(value);
            }
        }
        if (!known && json != null) {
            out.append(",\"").append(field).append("\":").append(json);
        }
        return out.append('}').toString();
    }

    private static String defaultValue(String name) {
        return switch (name) {
            case "message_id" -> "4711";
            case "channel" -> "\"9f1c\"";
            case "timestamp" -> "\"2026-11-22T10:15:30Z\"";
            case "message_type" -> "\"text\"";
            case "message" -> "\"hello\"";
            default -> "{}";
        };
    }

    /** A valid event whose unknown field {@code deep} holds arrays so that total nesting is {@code depth}. */
    static String nestedTo(int depth) {
        int arrays = depth - 1;
        return with("deep", "[".repeat(arrays) + "]".repeat(arrays));
    }
}
