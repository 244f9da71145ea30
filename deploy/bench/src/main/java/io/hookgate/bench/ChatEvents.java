package io.hookgate.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/** Builds chat events of about 1 KiB (UTF-8) with real-looking multilingual text, deterministically. */
public final class ChatEvents {

    /** Target size of one serialized event in bytes. */
    public static final int TARGET_BYTES = 1024;

    private static final String[] PHRASES = {
        "Hello everyone, the keynote starts in five minutes in hall B.",
        "Danke für den Vortrag! Die Folien wären großartig, gibt es einen Link?",
        "Est-ce que quelqu'un a la présentation de ce matin ? Merci d'avance.",
        "¿Alguien sabe si la sesión de la tarde se grabará? ¡Gracias!",
        "Czy ktoś może udostępnić link do nagrania? Dziękuję bardzo.",
        "Спасибо за доклад, очень интересно! Где можно найти слайды?",
        "Ευχαριστώ για την παρουσίαση, ήταν εξαιρετική.",
        "発表ありがとうございました！スライドは共有されますか？",
        "演讲非常精彩，请问幻灯片会分享吗？",
        "발표 감사합니다! 자료는 어디서 볼 수 있나요?",
        "شكرا على العرض الرائع، هل ستتم مشاركة الشرائح؟",
        "תודה רבה על ההרצאה, היה מעניין מאוד.",
        "धन्यवाद! क्या इस सत्र की रिकॉर्डिंग उपलब्ध होगी?",
        "Great point about backpressure 👍 we hit the same issue in production 🚀",
        "Mulțumesc pentru prezentare, a fost foarte utilă.",
        "Tack för föredraget! Finns inspelningen någonstans?",
        "Dziękujemy 🎉 następna sesja zaczyna się o 14:30 w sali Żubr.",
        "Teşekkürler, sunum çok güzeldi. Slaytlar paylaşılacak mı?",
        "Cảm ơn bài thuyết trình rất hay, slide có được chia sẻ không?",
        "Obrigado pela palestra — alguém tem o link do repositório?",
    };
    private static final String[] NAMES = {"Ada", "Grace", "Zoë", "Jürgen", "Małgorzata", "Андрей", "花子", "Søren"};
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private ChatEvents() {
    }

    /** The JSON bytes of one text message; the same id always gives the same text. */
    public static byte[] event(long messageId, String channel, long timestampMillis) {
        SplittableRandom random = new SplittableRandom(messageId * 0x9E3779B97F4A7C15L);
        String name = NAMES[random.nextInt(NAMES.length)];
        StringBuilder json = new StringBuilder(TARGET_BYTES + 256);
        json.append("{\"message_id\":").append(messageId)
                .append(",\"channel\":\"").append(channel)
                .append("\",\"timestamp\":\"").append(ISO.format(Instant.ofEpochMilli(timestampMillis)))
                .append("\",\"message_type\":\"text\",\"screen_name\":\"").append(name)
                .append("\",\"sender_id\":\"u-").append(random.nextInt(5000))
                .append("\",\"user_language\":\"en\",\"profile_img\":null,\"meta\":{},\"message\":\"");
        int prefixBytes = utf8Length(json);
        int budget = TARGET_BYTES - prefixBytes - 2;
        appendText(json, random, budget);
        json.append("\"}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendText(StringBuilder json, SplittableRandom random, int budgetBytes) {
        int used = 0;
        while (true) {
            String phrase = PHRASES[random.nextInt(PHRASES.length)];
            int bytes = phrase.getBytes(StandardCharsets.UTF_8).length + 1;
            if (used + bytes > budgetBytes) {
                for (int i = used; i < budgetBytes; i++) {
                    json.append('.');
                }
                return;
            }
            json.append(phrase).append(' ');
            used += bytes;
        }
    }

    private static int utf8Length(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Reads {@code "message_id": <digits>} from a JSON body without parsing it, tolerating whitespace
     * and a quoted id; -1 if absent.
     */
    public static long messageId(byte[] body) {
        int at = indexOf(body, MESSAGE_ID_KEY);
        if (at < 0) {
            return -1;
        }
        int i = at + MESSAGE_ID_KEY.length;
        while (i < body.length && (body[i] == ' ' || body[i] == ':' || body[i] == '"' || body[i] == '\n')) {
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < body.length && body[i] >= '0' && body[i] <= '9' && digits < 18) {
            value = value * 10 + (body[i] - '0');
            i++;
            digits++;
        }
        return digits == 0 ? -1 : value;
    }

    private static final byte[] MESSAGE_ID_KEY = "\"message_id\"".getBytes(StandardCharsets.US_ASCII);

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
