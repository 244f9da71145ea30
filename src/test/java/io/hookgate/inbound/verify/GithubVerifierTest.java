package io.hookgate.inbound.verify;

import static io.hookgate.inbound.verify.SignedRequests.PLAIN_SECRET;
import static io.hookgate.inbound.verify.SignedRequests.headers;
import static io.hookgate.inbound.verify.SignedRequests.keys;
import static io.hookgate.inbound.verify.SignedRequests.signed;
import static io.hookgate.inbound.verify.SignedRequests.value;
import static io.hookgate.inbound.verify.SignedRequests.verifier;
import static io.hookgate.inbound.verify.SignedRequests.with;
import static io.hookgate.inbound.verify.SignedRequests.without;
import static io.hookgate.inbound.verify.VerifierContractTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.inbound.SourceType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GithubVerifierTest {

    private static final byte[] BODY = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);
    private static final String GOOD = "sha256=" + SignedRequests.hex("HmacSHA256",
            PLAIN_SECRET.getBytes(StandardCharsets.UTF_8), BODY);
    private static final String HEX = GOOD.substring("sha256=".length());

    static List<Arguments> signatureValues() {
        return List.of(
                Arguments.of("correct", GOOD, null),
                Arguments.of("upper-case hex", "sha256=" + HEX.toUpperCase(Locale.ROOT), null),
                Arguments.of("no prefix", HEX, RejectReason.BAD_SIGNATURE),
                Arguments.of("sha1 prefix", "sha1=" + HEX, RejectReason.BAD_SIGNATURE),
                Arguments.of("upper-case prefix", "SHA256=" + HEX, RejectReason.BAD_SIGNATURE),
                Arguments.of("prefix only", "sha256=", RejectReason.BAD_SIGNATURE),
                Arguments.of("odd-length hex", GOOD.substring(0, GOOD.length() - 1), RejectReason.BAD_SIGNATURE),
                Arguments.of("truncated hex", GOOD.substring(0, GOOD.length() - 2), RejectReason.BAD_SIGNATURE),
                Arguments.of("extra byte", GOOD + "00", RejectReason.BAD_SIGNATURE),
                Arguments.of("not hex", "sha256=" + "zz".repeat(32), RejectReason.BAD_SIGNATURE),
                Arguments.of("base64 instead of hex", "sha256=" + java.util.Base64.getEncoder()
                        .encodeToString(java.util.HexFormat.of().parseHex(HEX)), RejectReason.BAD_SIGNATURE),
                Arguments.of("one bit off", "sha256=" + flipLastBit(HEX), RejectReason.BAD_SIGNATURE),
                Arguments.of("huge", "sha256=" + "ab".repeat(5000), RejectReason.BAD_SIGNATURE),
                Arguments.of("non-ASCII", "sha256=" + HEX.substring(2) + "é", RejectReason.BAD_SIGNATURE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatureValues")
    void signatureHeaderValueIsCheckedExactly(String name, String signature, RejectReason expected) {
        List<String> h = with(signed(SourceType.GITHUB, PLAIN_SECRET, BODY), "X-Hub-Signature-256", signature);

        Verification result = verify(h);

        if (expected == null) {
            assertThat(result).isInstanceOf(Verification.Verified.class);
        } else {
            assertRejected(result, expected);
        }
    }

    @Test
    void eventAndDeliveryIdComeFromTheirHeaders() {
        Verification result = verify(signed(SourceType.GITHUB, PLAIN_SECRET, BODY));

        assertThat(result).isEqualTo(new Verification.Verified(io.hookgate.inbound.secret.KeySlot.CURRENT,
                Optional.of("push"), Optional.of("72d3162e-cc78-11e3-81ab-4c9367dc0958")));
    }

    @Test
    void legacySha1SignatureAloneIsUnsigned() {
        List<String> h = without(signed(SourceType.GITHUB, PLAIN_SECRET, BODY), "X-Hub-Signature-256");
        h.addAll(List.of("X-Hub-Signature", "sha1=" + SignedRequests.hex("HmacSHA1",
                PLAIN_SECRET.getBytes(StandardCharsets.UTF_8), BODY)));

        assertRejected(verify(h), RejectReason.MISSING_SIGNATURE);
    }

    @Test
    void signedRequestWithoutEventOrDeliveryHeaderIsVerifiedWithoutThem() {
        List<String> h = without(without(signed(SourceType.GITHUB, PLAIN_SECRET, BODY), "X-GitHub-Event"),
                "X-GitHub-Delivery");

        assertThat(verify(h)).isInstanceOfSatisfying(Verification.Verified.class, v -> {
            assertThat(v.event()).isEmpty();
            assertThat(v.deliveryId()).isEmpty();
        });
    }

    static List<String> badIds() {
        return List.of("a\u0000b", "line\nbreak", "x".repeat(201), "caf\u00e9", "tab\there");
    }

    @ParameterizedTest
    @MethodSource("badIds")
    void malformedDeliveryIdOnASignedRequestIsBadHeader(String id) {
        List<String> h = with(signed(SourceType.GITHUB, PLAIN_SECRET, BODY), "X-GitHub-Delivery", id);

        assertRejected(verify(h), RejectReason.BAD_HEADER);
        assertThat(RejectReason.BAD_HEADER.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @MethodSource("badIds")
    void malformedEventOnASignedRequestIsBadHeader(String event) {
        List<String> h = with(signed(SourceType.GITHUB, PLAIN_SECRET, BODY), "X-GitHub-Event", event);

        assertRejected(verify(h), RejectReason.BAD_HEADER);
    }

    @Test
    void malformedDeliveryIdOnAnUnsignedRequestIsStillMissingSignature() {
        List<String> h = with(without(signed(SourceType.GITHUB, PLAIN_SECRET, BODY), "X-Hub-Signature-256"),
                "X-GitHub-Delivery", "a\u0000b");

        assertRejected(verify(h), RejectReason.MISSING_SIGNATURE);
    }

    @Test
    void deliveryIdOfExactly200PrintableCharsIsKept() {
        String id = "d".repeat(200);
        List<String> h = with(signed(SourceType.GITHUB, PLAIN_SECRET, BODY), "X-GitHub-Delivery", id);

        assertThat(verify(h)).isInstanceOfSatisfying(Verification.Verified.class,
                v -> assertThat(v.deliveryId()).contains(id));
    }

    @Test
    void emptyBodyIsSignedLikeAnyOther() {
        byte[] empty = new byte[0];
        List<String> h = signed(SourceType.GITHUB, PLAIN_SECRET, empty);

        assertThat(verifier(SourceType.GITHUB).verify(empty, headers(h), keys(SourceType.GITHUB, PLAIN_SECRET)))
                .isInstanceOf(Verification.Verified.class);
        assertThat(value(h, "X-Hub-Signature-256")).startsWith("sha256=");
    }

    private static Verification verify(List<String> h) {
        return verifier(SourceType.GITHUB).verify(BODY, headers(h), keys(SourceType.GITHUB, PLAIN_SECRET));
    }

    private static String flipLastBit(String hex) {
        char last = hex.charAt(hex.length() - 1);
        int flipped = Character.digit(last, 16) ^ 1;
        return hex.substring(0, hex.length() - 1) + Character.forDigit(flipped, 16);
    }
}
