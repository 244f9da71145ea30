package io.hookgate.support;

import com.standardwebhooks.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Verifies deliveries the way receivers do: the official Standard Webhooks library, and a plain HMAC. */
public final class Signatures {

    private Signatures() {
    }

    /** Throws if the official library rejects the delivery. */
    public static void verifyStandard(String secret, Receiver.Request request) throws Exception {
        Map<String, List<String>> headers = request.headers().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
        new Webhook(secret).verify(request.bodyText(), headers);
    }

    public static String eventyay(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
