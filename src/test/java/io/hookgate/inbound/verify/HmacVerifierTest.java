package io.hookgate.inbound.verify;

import static io.hookgate.inbound.verify.SignedRequests.CLOCK;
import static io.hookgate.inbound.verify.SignedRequests.PLAIN_SECRET;
import static io.hookgate.inbound.verify.SignedRequests.headers;
import static io.hookgate.inbound.verify.SignedRequests.keys;
import static io.hookgate.inbound.verify.VerifierContractTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.secret.KeySlot;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HmacVerifierTest {

    private static final byte[] BODY = "queue message 42".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEY = PLAIN_SECRET.getBytes(StandardCharsets.UTF_8);

    @Test
    void sha512Base64WithCustomHeaderPrefixAndDeliveryIdIsVerified() {
        String sig = "hmac-sha512 " + Base64.getEncoder().encodeToString(SignedRequests.mac("HmacSHA512", KEY, BODY));

        Verification result = verify(SignedRequests.HMAC, "X-Queue-Signature", sig, "X-Queue-Delivery", "q-17");

        assertThat(result).isEqualTo(new Verification.Verified(KeySlot.CURRENT, Optional.empty(), Optional.of("q-17")));
    }

    @Test
    void unpaddedAndUrlSafeBase64AreAccepted() {
        byte[] mac = SignedRequests.mac("HmacSHA512", KEY, BODY);
        for (String encoded : List.of(Base64.getEncoder().withoutPadding().encodeToString(mac),
                Base64.getUrlEncoder().encodeToString(mac))) {
            assertThat(verify(SignedRequests.HMAC, "X-Queue-Signature", "hmac-sha512 " + encoded))
                    .isInstanceOf(Verification.Verified.class);
        }
    }

    @Test
    void sha256HexWithoutPrefixIsVerified() {
        HmacConfig config = config("X-Signature", "sha256", "hex", null, null);

        assertThat(verify(config, "x-signature", SignedRequests.hex("HmacSHA256", KEY, BODY)))
                .isInstanceOf(Verification.Verified.class);
    }

    @Test
    void signatureOfTheOtherAlgorithmIsBadSignature() {
        String sha256 = Base64.getEncoder().encodeToString(SignedRequests.mac("HmacSHA256", KEY, BODY));

        assertRejected(verify(SignedRequests.HMAC, "X-Queue-Signature", "hmac-sha512 " + sha256),
                RejectReason.BAD_SIGNATURE);
    }

    @Test
    void hexWhereBase64IsConfiguredIsBadSignature() {
        String hex = SignedRequests.hex("HmacSHA512", KEY, BODY);

        assertRejected(verify(SignedRequests.HMAC, "X-Queue-Signature", "hmac-sha512 " + hex),
                RejectReason.BAD_SIGNATURE);
    }

    @Test
    void withoutDeliveryIdHeaderConfiguredNoDeliveryIdIsRead() {
        HmacConfig config = config("X-Signature", "sha256", "hex", null, null);

        assertThat(verify(config, "X-Signature", SignedRequests.hex("HmacSHA256", KEY, BODY), "X-Queue-Delivery", "q"))
                .isInstanceOfSatisfying(Verification.Verified.class, v -> assertThat(v.deliveryId()).isEmpty());
    }

    private static HmacConfig config(String header, String algorithm, String encoding, String prefix, String delivery) {
        HmacConfigRules.Result result = HmacConfigRules.validate(header, algorithm, encoding, prefix, delivery);
        return ((HmacConfigRules.Result.Valid) result).config();
    }

    private static Verification verify(HmacConfig config, String... namesAndValues) {
        return SourceVerifier.of(SourceType.HMAC, Optional.of(config), CLOCK)
                .verify(BODY, headers(List.of(namesAndValues)), keys(SourceType.HMAC, PLAIN_SECRET));
    }
}
