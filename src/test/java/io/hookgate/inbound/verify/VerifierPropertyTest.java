package io.hookgate.inbound.verify;

import static io.hookgate.inbound.verify.SignedRequests.keys;
import static io.hookgate.inbound.verify.SignedRequests.secret;
import static io.hookgate.inbound.verify.SignedRequests.signed;
import static io.hookgate.inbound.verify.SignedRequests.verifier;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.inbound.SourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Adversarial input: whatever arrives, a verifier answers, and only a request signed with the secret passes. */
class VerifierPropertyTest {

    private static final List<String> NAMES = List.of("X-Hub-Signature-256", "X-GitHub-Event", "X-GitHub-Delivery",
            "X-Gitlab-Token", "X-Gitlab-Event", "Idempotency-Key", "X-Gitlab-Event-UUID", "webhook-id",
            "webhook-timestamp", "webhook-signature", "X-Queue-Signature", "X-Queue-Delivery", "X-Eventyay-Signature",
            "Content-Type", "x-hub-signature-256", "WEBHOOK-SIGNATURE");
    private static final List<String> PREFIXES = List.of("", "sha256=", "hmac-sha512 ", "v1,", "v1,AAAA v1,",
            "sha1=", "SHA256=");

    @Property(tries = 2000)
    void randomRequestIsRejectedAndNeverThrows(@ForAll SourceType type, @ForAll @Size(max = 2048) byte[] body,
            @ForAll("headers") List<Map.Entry<String, String>> headers) {
        Verification result = verifier(type).verify(body, InboundHeaders.of(headers), keys(type, secret(type)));

        assertThat(result).isInstanceOf(Verification.Rejected.class);
    }

    @Property(tries = 500)
    void anyBodySignedWithTheSecretIsVerified(@ForAll SourceType type, @ForAll @Size(max = 4096) byte[] body,
            @ForAll("headers") List<Map.Entry<String, String>> noise) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        List<String> signed = signed(type, secret(type), body);
        for (int i = 0; i < signed.size(); i += 2) {
            headers.add(Map.entry(signed.get(i), signed.get(i + 1)));
        }
        // unrelated headers must not matter; only ones the verifier reads are left out of the noise
        noise.stream().filter(e -> !NAMES.contains(e.getKey()) && !e.getKey().equalsIgnoreCase("content-type"))
                .forEach(headers::add);

        Verification result = verifier(type).verify(body, InboundHeaders.of(headers), keys(type, secret(type)));

        assertThat(result).isInstanceOf(Verification.Verified.class);
    }

    @Property(tries = 1000)
    void bodyChangedAfterSigningIsRejected(@ForAll SourceType type, @ForAll @Size(min = 1, max = 512) byte[] body,
            @ForAll int position, @ForAll byte delta) {
        // a GitLab token does not sign the body; a zero delta changes nothing
        Assume.that(type != SourceType.GITLAB && delta != 0);
        List<String> signed = signed(type, secret(type), body);
        byte[] changed = body.clone();
        changed[Math.floorMod(position, body.length)] += delta;

        Verification result = verifier(type).verify(changed, SignedRequests.headers(signed), keys(type, secret(type)));

        assertThat(result).isInstanceOf(Verification.Rejected.class);
    }

    @Provide
    Arbitrary<List<Map.Entry<String, String>>> headers() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.strings().ofMaxLength(40));
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("0123456789abcdef").ofMaxLength(140),
                Combinators.combine(Arbitraries.of(PREFIXES),
                        Arbitraries.strings().withChars("ABCDEFabcdef0123456789+/=_- ,").ofMaxLength(180))
                        .as((p, s) -> p + s),
                Arbitraries.longs().between(1_772_452_000L, 1_772_454_000L).map(l -> Long.toString(l)));
        return Combinators.combine(names, values).as(Map::entry).list().ofMaxSize(12);
    }
}
