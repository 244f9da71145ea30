package io.hookgate.inbound.verify;

import static io.hookgate.inbound.verify.SignedRequests.PLAIN_SECRET;
import static io.hookgate.inbound.verify.SignedRequests.headers;
import static io.hookgate.inbound.verify.SignedRequests.keys;
import static io.hookgate.inbound.verify.SignedRequests.signed;
import static io.hookgate.inbound.verify.SignedRequests.verifier;
import static io.hookgate.inbound.verify.SignedRequests.with;
import static io.hookgate.inbound.verify.SignedRequests.without;
import static io.hookgate.inbound.verify.VerifierContractTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.inbound.SourceType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitlabVerifierTest {

    private static final byte[] BODY = "{\"object_kind\":\"push\"}".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {
        // a prefix, an extension, a case change, one character off, the secret twice, a shorter string
        "Zm9vYmFyLXNlY3JldC0wMTIzNDU2Nzg5LWFiY2RlZm",
        "Zm9vYmFyLXNlY3JldC0wMTIzNDU2Nzg5LWFiY2RlZmcx",
        "ZM9VYMFYLXNLY3JLDC0WMTIZNDU2NZG5LWFIY2RLZMC",
        "Zm9vYmFyLXNlY3JldC0wMTIzNDU2Nzg5LWFiY2RlZmd",
        "Zm9vYmFyLXNlY3JldC0wMTIzNDU2Nzg5LWFiY2RlZmcZm9vYmFyLXNlY3JldC0wMTIzNDU2Nzg5LWFiY2RlZmc",
        "x"})
    void anyTokenButTheSecretIsBadSignature(String token) {
        List<String> h = with(signed(SourceType.GITLAB, PLAIN_SECRET, BODY), "X-Gitlab-Token", token);

        assertRejected(verify(h), RejectReason.BAD_SIGNATURE);
    }

    @Test
    void idempotencyKeyIsTheDeliveryIdWhenPresent() {
        List<String> h = signed(SourceType.GITLAB, PLAIN_SECRET, BODY);
        h.addAll(List.of("X-Gitlab-Event-UUID", "13792a34-cac6-4fda-95a8-c58e00a3954e"));

        assertThat(verify(h)).isInstanceOfSatisfying(Verification.Verified.class, v -> {
            assertThat(v.deliveryId()).contains("908a6d9e-45fd-46c8-97e6-c4f350f219dd");
            assertThat(v.event()).contains("Push Hook");
        });
    }

    @Test
    void eventUuidIsTheDeliveryIdWithoutAnIdempotencyKey() {
        List<String> h = without(signed(SourceType.GITLAB, PLAIN_SECRET, BODY), "Idempotency-Key");
        h.addAll(List.of("X-Gitlab-Event-UUID", "13792a34-cac6-4fda-95a8-c58e00a3954e"));

        assertThat(verify(h)).isInstanceOfSatisfying(Verification.Verified.class,
                v -> assertThat(v.deliveryId()).contains("13792a34-cac6-4fda-95a8-c58e00a3954e"));
    }

    @Test
    void blankIdempotencyKeyFallsBackToTheEventUuid() {
        List<String> h = with(signed(SourceType.GITLAB, PLAIN_SECRET, BODY), "Idempotency-Key", " ");
        h.addAll(List.of("X-Gitlab-Event-UUID", "13792a34-cac6-4fda-95a8-c58e00a3954e"));

        assertThat(verify(h)).isInstanceOfSatisfying(Verification.Verified.class,
                v -> assertThat(v.deliveryId()).contains("13792a34-cac6-4fda-95a8-c58e00a3954e"));
    }

    @Test
    void requestWithoutAnyDeliveryHeaderHasNoDeliveryId() {
        List<String> h = without(signed(SourceType.GITLAB, PLAIN_SECRET, BODY), "Idempotency-Key");

        assertThat(verify(h)).isInstanceOfSatisfying(Verification.Verified.class,
                v -> assertThat(v.deliveryId()).isEmpty());
    }

    @Test
    void surroundingWhitespaceOfTheTokenIsIgnoredAsHttpServersDo() {
        List<String> h = with(signed(SourceType.GITLAB, PLAIN_SECRET, BODY), "X-Gitlab-Token",
                " " + PLAIN_SECRET + "\t");

        assertThat(verify(h)).isInstanceOf(Verification.Verified.class);
    }

    private static Verification verify(List<String> h) {
        return verifier(SourceType.GITLAB).verify(BODY, headers(h), keys(SourceType.GITLAB, PLAIN_SECRET));
    }
}
