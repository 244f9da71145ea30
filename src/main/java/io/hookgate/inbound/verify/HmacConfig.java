package io.hookgate.inbound.verify;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code hmac} object of an {@code hmac} source (webhook-queue's per-queue authentication): the signature is
 * {@code <prefix><encoding of HMAC-<algorithm>(secret UTF-8 bytes, body)>} in {@code header}. Build one with
 * {@link HmacConfigRules#validate}.
 *
 * @param header the signature header
 * @param algorithm {@code sha256} or {@code sha512}
 * @param encoding {@code hex} or {@code base64}
 * @param prefix text before the encoded MAC, e.g. {@code sha256=}; empty for none
 * @param deliveryIdHeader a header carrying the sender's delivery id, enabling replay dedupe
 */
public record HmacConfig(String header, HmacAlgorithm algorithm, SignatureEncoding encoding, String prefix,
        Optional<String> deliveryIdHeader) {

    public HmacConfig {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(deliveryIdHeader, "deliveryIdHeader");
    }

    /** The signature scheme this config describes. */
    HeaderSignature signature() {
        return new HeaderSignature(header, algorithm, encoding, prefix);
    }
}
