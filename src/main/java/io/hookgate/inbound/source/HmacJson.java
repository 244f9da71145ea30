package io.hookgate.inbound.source;

import io.hookgate.inbound.verify.HmacAlgorithm;
import io.hookgate.inbound.verify.HmacConfig;
import io.hookgate.inbound.verify.SignatureEncoding;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code hmac} object as stored (jsonb) and shown: {@code {header, algorithm, encoding, prefix, delivery_id_header}}. */
final class HmacJson {

    private HmacJson() {
    }

    static JsonObject toJson(HmacConfig hmac) {
        return hmac == null ? null : new JsonObject(toMap(hmac));
    }

    static Map<String, Object> toMap(HmacConfig hmac) {
        if (hmac == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("header", hmac.header());
        map.put("algorithm", hmac.algorithm().wire());
        map.put("encoding", hmac.encoding().wire());
        map.put("prefix", hmac.prefix());
        map.put("delivery_id_header", hmac.deliveryIdHeader().orElse(null));
        return map;
    }

    static HmacConfig fromJson(JsonObject json) {
        if (json == null) {
            return null;
        }
        return new HmacConfig(json.getString("header"),
                HmacAlgorithm.fromWire(json.getString("algorithm")).orElseThrow(),
                SignatureEncoding.fromWire(json.getString("encoding")).orElseThrow(),
                json.getString("prefix", ""), Optional.ofNullable(json.getString("delivery_id_header")));
    }
}
