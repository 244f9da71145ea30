package io.hookgate.inbound.verify;

import static io.hookgate.inbound.verify.SignedRequests.CLOCK;
import static io.hookgate.inbound.verify.SignedRequests.NOW;
import static io.hookgate.inbound.verify.SignedRequests.WHSEC_SECRET;
import static io.hookgate.inbound.verify.SignedRequests.headers;
import static io.hookgate.inbound.verify.SignedRequests.keys;
import static io.hookgate.inbound.verify.SignedRequests.standardWebhooks;
import static io.hookgate.inbound.verify.SignedRequests.with;
import static io.hookgate.inbound.verify.SignedRequests.without;
import static io.hookgate.inbound.verify.VerifierContractTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.secret.KeySlot;
import io.hookgate.inbound.secret.SourceKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardWebhooksVerifierTest {

    private static final String BODY =
            "{\"type\":\"invoice.paid\",\"data\":{\"amount\":4200,\"note\":\"héllo 👋\"}}";
    private static final String ID = "msg_2Lh9KxRNo1S1hq";

    @Test
    void requestSignedByTheOfficialLibraryIsVerified() throws Exception {
        long ts = Instant.now().getEpochSecond();
        String signature = new Webhook(WHSEC_SECRET).sign(ID, ts, BODY);

        Verification result = verifyNow(BODY, List.of("webhook-id", ID, "webhook-timestamp", Long.toString(ts),
                "webhook-signature", signature));

        assertThat(result).isEqualTo(new Verification.Verified(KeySlot.CURRENT, Optional.empty(), Optional.of(ID)));
    }

    @Test
    void officialLibrarySignatureOverTamperedBodyTimestampOrIdIsRejected() throws Exception {
        long ts = Instant.now().getEpochSecond();
        String signature = new Webhook(WHSEC_SECRET).sign(ID, ts, BODY);
        List<String> good = List.of("webhook-id", ID, "webhook-timestamp", Long.toString(ts),
                "webhook-signature", signature);

        assertRejected(verifyNow(BODY.replace("4200", "4201"), good), RejectReason.BAD_SIGNATURE);
        assertRejected(verifyNow(BODY, with(good, "webhook-timestamp", Long.toString(ts - 1))),
                RejectReason.BAD_SIGNATURE);
        assertRejected(verifyNow(BODY, with(good, "webhook-id", ID + "x")), RejectReason.BAD_SIGNATURE);
    }

    @Test
    void ourAcceptedRequestIsAlsoAcceptedByTheOfficialLibrary() throws Exception {
        long ts = Instant.now().getEpochSecond();
        List<String> h = standardWebhooks(WHSEC_SECRET, ID, ts, BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(verifyNow(BODY, h)).isInstanceOf(Verification.Verified.class);
        new Webhook(WHSEC_SECRET).verify(BODY, java.util.Map.of("webhook-id", List.of(ID), "webhook-timestamp",
                List.of(Long.toString(ts)), "webhook-signature",
                List.of(SignedRequests.value(h, "webhook-signature"))));
    }

    @ParameterizedTest
    @ValueSource(longs = {-300, -1, 0, 1, 300})
    void timestampWithinFiveMinutesEitherWayIsAccepted(long offsetSeconds) {
        assertThat(verifyAt(offsetSeconds)).isInstanceOf(Verification.Verified.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301, -86_400, 86_400})
    void timestampOutsideFiveMinutesIsStale(long offsetSeconds) {
        assertRejected(verifyAt(offsetSeconds), RejectReason.STALE_TIMESTAMP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1772452800", "1772452800.5", "1e9", "0x1", "12a", "99999999999999999999", " "})
    void timestampThatIsNotPlainSecondsIsRejected(String timestamp) {
        List<String> h = with(signedNow(), "webhook-timestamp", timestamp);

        Verification result = verify(BODY, h, CLOCK);

        assertThat(result).isIn(new Verification.Rejected(RejectReason.BAD_TIMESTAMP),
                new Verification.Rejected(RejectReason.MISSING_HEADER));
    }

    @Test
    void missingIdOrTimestampIsMissingHeader() {
        assertRejected(verify(BODY, without(signedNow(), "webhook-id"), CLOCK), RejectReason.MISSING_HEADER);
        assertRejected(verify(BODY, without(signedNow(), "webhook-timestamp"), CLOCK), RejectReason.MISSING_HEADER);
    }

    @Test
    void anyOneMatchingEntryOfSeveralIsEnough() {
        String good = SignedRequests.value(signedNow(), "webhook-signature");
        String header = "v1,bm90IGEgc2lnbmF0dXJlIG9mIGFueXRoaW5nIGF0IGFsbCEhISE= v1a,c29tZXRoaW5n v1,!!!! " + good;

        assertThat(verify(BODY, with(signedNow(), "webhook-signature", header), CLOCK))
                .isInstanceOf(Verification.Verified.class);
    }

    @Test
    void entriesOfOtherVersionsNeverMatch() {
        String good = SignedRequests.value(signedNow(), "webhook-signature");
        String v2 = "v2," + good.substring(3);

        assertRejected(verify(BODY, with(signedNow(), "webhook-signature", v2), CLOCK), RejectReason.BAD_SIGNATURE);
    }

    @Test
    void matchBeyondTheFirst32EntriesIsNotLookedAt() {
        String good = SignedRequests.value(signedNow(), "webhook-signature");
        String header = "v1,AAAA ".repeat(StandardWebhooksVerifier.MAX_SIGNATURES) + good;

        assertRejected(verify(BODY, with(signedNow(), "webhook-signature", header), CLOCK),
                RejectReason.BAD_SIGNATURE);
    }

    @Test
    void rotationHeaderSignedWithNewAndOldKeyVerifiesWithEither() {
        String oldKey = SignedRequests.OTHER_WHSEC_SECRET;
        String newSig = SignedRequests.value(signedNow(), "webhook-signature");
        String oldSig = SignedRequests.value(standardWebhooks(oldKey, ID, NOW.getEpochSecond(),
                BODY.getBytes(StandardCharsets.UTF_8)), "webhook-signature");
        List<String> h = with(signedNow(), "webhook-signature", newSig + " " + oldSig);

        assertThat(verify(BODY, h, CLOCK, keys(SourceType.STANDARD_WEBHOOKS, oldKey)))
                .isInstanceOf(Verification.Verified.class);
        assertThat(verify(BODY, h, CLOCK, keys(SourceType.STANDARD_WEBHOOKS, WHSEC_SECRET)))
                .isInstanceOf(Verification.Verified.class);
    }

    @Test
    void staleIsReportedOnlyForAnAuthenticRequest() {
        List<String> forged = with(standardWebhooks(WHSEC_SECRET, ID, NOW.getEpochSecond() - 3600,
                BODY.getBytes(StandardCharsets.UTF_8)), "webhook-signature", "v1,AAAA");

        assertRejected(verify(BODY, forged, CLOCK), RejectReason.BAD_SIGNATURE);
    }

    private static List<String> signedNow() {
        return new ArrayList<>(standardWebhooks(WHSEC_SECRET, ID, NOW.getEpochSecond(),
                BODY.getBytes(StandardCharsets.UTF_8)));
    }

    private static Verification verifyAt(long offsetSeconds) {
        List<String> h = standardWebhooks(WHSEC_SECRET, ID, NOW.getEpochSecond() + offsetSeconds,
                BODY.getBytes(StandardCharsets.UTF_8));
        return verify(BODY, h, CLOCK);
    }

    private static Verification verifyNow(String body, List<String> h) {
        return verify(body, h, Clock.system(ZoneOffset.UTC));
    }

    private static Verification verify(String body, List<String> h, Clock clock) {
        return verify(body, h, clock, keys(SourceType.STANDARD_WEBHOOKS, WHSEC_SECRET));
    }

    private static Verification verify(String body, List<String> h, Clock clock, SourceKeys keys) {
        return SignedRequests.verifier(SourceType.STANDARD_WEBHOOKS, clock)
                .verify(body.getBytes(StandardCharsets.UTF_8), headers(h), keys);
    }
}
