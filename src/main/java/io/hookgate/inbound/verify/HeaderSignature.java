package io.hookgate.inbound.verify;

import io.hookgate.inbound.secret.SourceKeys.Candidate;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A signature carried in one header as {@code <prefix><encoded HMAC(key, raw body)>}: the scheme of GitHub,
 * eventyay and {@code hmac} sources.
 *
 * <p>The presented signature is decoded to bytes first and compared with {@link MessageDigest#isEqual}, whose
 * running time does not depend on where the bytes differ; anything that does not decode is a plain mismatch.
 *
 * @param header the header name (case-insensitive)
 * @param algorithm the HMAC algorithm
 * @param encoding how the MAC is written
 * @param prefix text before the encoded MAC, compared exactly; empty for none
 */
record HeaderSignature(String header, HmacAlgorithm algorithm, SignatureEncoding encoding, String prefix) {

    public HeaderSignature {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(prefix, "prefix");
    }

    /** Verified by the first of {@code keys} whose MAC matches, or why not. Never throws for any input. */
    Verification check(byte[] body, InboundHeaders headers, List<Candidate> keys) {
        List<String> values = headers.all(header);
        if (values.isEmpty() || values.size() == 1 && values.get(0).isEmpty()) {
            return new Verification.Rejected(RejectReason.MISSING_SIGNATURE);
        }
        // two signatures for one request are ambiguous: which proxy added which?
        if (values.size() > 1 || !values.get(0).startsWith(prefix)) {
            return new Verification.Rejected(RejectReason.BAD_SIGNATURE);
        }
        Optional<byte[]> presented = encoding.decode(values.get(0).substring(prefix.length()));
        if (presented.isEmpty()) {
            return new Verification.Rejected(RejectReason.BAD_SIGNATURE);
        }
        for (Candidate key : keys) {
            if (MessageDigest.isEqual(algorithm.mac(key.secret().hmacKey(), body), presented.get())) {
                return Verification.Verified.by(key.slot());
            }
        }
        return new Verification.Rejected(RejectReason.BAD_SIGNATURE);
    }
}
