package io.hookgate.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Chat event JSON as eventyay produces it. */
public final class ChatEvents {

    private ChatEvents() {
    }

    public static String channel() {
        return "room-" + UUID.randomUUID();
    }

    public static byte[] text(String channel, Object messageId, String message) {
        return ("{\"message_id\": " + json(messageId) + ", \"channel\": \"" + channel + "\", \"timestamp\": \""
                + Instant.now() + "\", \"message_type\": \"text\", \"message\": \"" + message
                + "\", \"screen_name\": \"Ada\", \"sender_id\": \"u-17\", \"centralauth_id\": null,"
                + " \"x_future_field\": {\"kept\": true}, \"meta\": {}}").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] reaction(String channel, Object messageId, Object target) {
        return ("{\"message_id\": " + json(messageId) + ", \"channel\": \"" + channel + "\", \"timestamp\": \""
                + Instant.now() + "\", \"message_type\": \"emoji\", \"message\": \"\", \"meta\": {\"target_message_id\": "
                + json(target) + ", \"reaction\": \"👍\", \"action\": \"add\", \"reactions\": {\"👍\": 1}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String json(Object id) {
        return id instanceof Number ? id.toString() : "\"" + id + "\"";
    }
}
