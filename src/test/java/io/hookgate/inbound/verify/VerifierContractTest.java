package io.hookgate.inbound.verify;

import static io.hookgate.inbound.verify.SignedRequests.CLOCK;
import static io.hookgate.inbound.verify.SignedRequests.NOW;
import static io.hookgate.inbound.verify.SignedRequests.headers;
import static io.hookgate.inbound.verify.SignedRequests.keys;
import static io.hookgate.inbound.verify.SignedRequests.otherSecret;
import static io.hookgate.inbound.verify.SignedRequests.secret;
import static io.hookgate.inbound.verify.SignedRequests.signatureHeader;
import static io.hookgate.inbound.verify.SignedRequests.signed;
import static io.hookgate.inbound.verify.SignedRequests.verifier;
import static io.hookgate.inbound.verify.SignedRequests.with;
import static io.hookgate.inbound.verify.SignedRequests.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.secret.KeySlot;
import io.hookgate.inbound.secret.SourceKeys;
import io.hookgate.inbound.secret.SourceSecret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every source type's verifier must do, checked on each type with a request signed as its sender signs. */
class VerifierContractTest {

    private static final byte[] BODY = "{\"zen\":\"Keep it logically awesome.\",\"n\":\"héllo 👋\"}"
            .getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void requestSignedWithTheCurrentSecretIsVerified(SourceType type) {
        Verification result = verify(type, signed(type, secret(type), BODY), keys(type, secret(type)));

        assertThat(result).isInstanceOfSatisfying(Verification.Verified.class,
                v -> assertThat(v.slot()).isEqualTo(KeySlot.CURRENT));
        assertThat(result.label()).isEqualTo("verified");
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void requestSignedWithAnotherSecretIsBadSignature(SourceType type) {
        assertRejected(verify(type, signed(type, otherSecret(type), BODY), keys(type, secret(type))),
                RejectReason.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void unsignedRequestIsMissingSignature(SourceType type) {
        List<String> unsigned = without(signed(type, secret(type), BODY), signatureHeader(type));

        assertRejected(verify(type, unsigned, keys(type, secret(type))), RejectReason.MISSING_SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void blankSignatureIsMissingSignature(SourceType type) {
        List<String> blank = with(signed(type, secret(type), BODY), signatureHeader(type), "  ");

        assertRejected(verify(type, blank, keys(type, secret(type))), RejectReason.MISSING_SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void signatureForOtherBytesIsBadSignature(SourceType type) {
        List<String> forOther = signed(type, secret(type), "{\"zen\":\"other\"}".getBytes(StandardCharsets.UTF_8));
        Verification result = verify(type, forOther, keys(type, secret(type)));
        if (type == SourceType.GITLAB) {
            // a GitLab token is not a signature: it does not bind the body, so this is GitLab's design, not ours
            assertThat(result).isInstanceOf(Verification.Verified.class);
        } else {
            assertRejected(result, RejectReason.BAD_SIGNATURE);
        }
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void repeatedSignatureHeaderIsBadSignatureEvenIfOneIsValid(SourceType type) {
        List<String> headers = signed(type, secret(type), BODY);
        headers.addAll(List.of(signatureHeader(type), SignedRequests.value(headers, signatureHeader(type))));

        assertRejected(verify(type, headers, keys(type, secret(type))), RejectReason.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void previousSecretVerifiesUntilItsExpiryAndNotFromThen(SourceType type) {
        SourceKeys rotating = new SourceKeys(SourceSecret.of(type, otherSecret(type)),
                SourceSecret.of(type, secret(type)), NOW.plusSeconds(1));
        List<String> oldSigned = signed(type, secret(type), BODY);

        assertThat(verify(type, oldSigned, rotating)).isInstanceOfSatisfying(Verification.Verified.class,
                v -> assertThat(v.slot()).isEqualTo(KeySlot.PREVIOUS));
        SourceKeys expiredNow = new SourceKeys(rotating.current(), rotating.previous(), NOW);
        assertRejected(verify(type, oldSigned, expiredNow), RejectReason.BAD_SIGNATURE);
        SourceKeys expiredBefore = new SourceKeys(rotating.current(), rotating.previous(), NOW.minusSeconds(60));
        assertRejected(verify(type, oldSigned, expiredBefore), RejectReason.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void currentSecretVerifiesDuringAndAfterTheOverlap(SourceType type) {
        List<String> newSigned = signed(type, otherSecret(type), BODY);
        for (Duration untilExpiry : List.of(Duration.ofHours(24), Duration.ZERO, Duration.ofHours(-24))) {
            SourceKeys keys = new SourceKeys(SourceSecret.of(type, otherSecret(type)),
                    SourceSecret.of(type, secret(type)), NOW.plus(untilExpiry));

            assertThat(verify(type, newSigned, keys)).isInstanceOfSatisfying(Verification.Verified.class,
                    v -> assertThat(v.slot()).isEqualTo(KeySlot.CURRENT));
        }
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void headerNamesMatchInAnyCase(SourceType type) {
        List<String> original = signed(type, secret(type), BODY);
        for (boolean upper : List.of(true, false)) {
            List<String> recased = new ArrayList<>();
            for (int i = 0; i < original.size(); i++) {
                String s = original.get(i);
                recased.add(i % 2 == 1 ? s : upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT));
            }
            assertThat(verify(type, recased, keys(type, secret(type)))).isInstanceOf(Verification.Verified.class);
        }
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void keysOfAnotherTypeAreAWiringError(SourceType type) {
        SourceType other = type == SourceType.GITHUB ? SourceType.GITLAB : SourceType.GITHUB;

        List<String> signed = signed(type, secret(type), BODY);

        assertThatThrownBy(() -> verify(type, signed, keys(other, SignedRequests.PLAIN_SECRET)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void verifierReportsItsType(SourceType type) {
        assertThat(SourceVerifier.of(type, java.util.Optional.of(SignedRequests.HMAC), CLOCK).type()).isEqualTo(type);
    }

    private static Verification verify(SourceType type, List<String> headers, SourceKeys keys) {
        return verifier(type).verify(BODY, headers(headers), keys);
    }

    static void assertRejected(Verification result, RejectReason reason) {
        assertThat(result).isEqualTo(new Verification.Rejected(reason));
        assertThat(result.label()).isEqualTo(reason.label());
    }
}
