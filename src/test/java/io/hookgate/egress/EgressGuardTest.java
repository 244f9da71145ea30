package io.hookgate.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EgressGuardTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final MutableHostResolver dns = new MutableHostResolver();
    private final EgressGuard guard = new EgressGuard(new UrlPolicy(true), new AddressClassifier(List.of()), dns,
            Duration.ofSeconds(2));

    @Test
    void publicHostIsPinnedToItsCheckedAddress() {
        dns.map("hooks.example.com", "93.184.216.34");

        PinnedTarget target = check("https://hooks.example.com/in?x=1");

        assertThat(target.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(target.url().host()).isEqualTo("hooks.example.com");
        assertThat(target.url().pathAndQuery()).isEqualTo("/in?x=1");
    }

    @Test
    void rebindingToLoopbackIsDeniedOnTheNextCheck() {
        dns.map("rebind.example.com", "93.184.216.34");
        assertThat(check("https://rebind.example.com/").address().getHostAddress()).isEqualTo("93.184.216.34");

        dns.map("rebind.example.com", "127.0.0.1");

        assertDenied("https://rebind.example.com/", "denied_address");
        assertThat(dns.lookups()).isEqualTo(2);
    }

    @Test
    void oneDeniedAddressAmongPublicOnesDeniesTheHost() {
        dns.map("mixed.example.com", "93.184.216.34", "10.0.0.5");

        assertDenied("https://mixed.example.com/", "denied_address");
    }

    @Test
    void denialMessageNamesTheHostButNotTheQuery() {
        dns.map("internal.example.com", "169.254.169.254");

        assertThatThrownBy(() -> check("https://internal.example.com/p?token=s3cret"))
                .hasMessageContaining("internal.example.com")
                .hasMessageNotContaining("s3cret");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1/                    | denied_address",
        "http://169.254.169.254/latest/       | denied_address",
        "http://[::1]/                        | denied_address",
        "http://[::127.0.0.1]/                | denied_address",
        "http://[::ffff:127.0.0.1]/           | denied_address",
        "http://[64:ff9b::a9fe:a9fe]/         | denied_address",
        "http://[2002:7f00:1::]/              | denied_address",
        "http://127。0。0。1/                  | denied_address",
        "http://100.64.0.1/                   | denied_address",
        "http://2130706433/                   | invalid_host",
        "http://0177.0.0.1/                   | invalid_host",
        "http://127.1/                        | invalid_host",
    })
    void ipLiteralsAreClassifiedWithoutAnyLookup(String url, String reason) {
        assertDenied(url, reason);
        assertThat(dns.lookups()).isZero();
    }

    @Test
    void localhostSpelledInCircledLettersIsResolvedAsLocalhostAndDenied() {
        dns.map("localhost", "127.0.0.1");

        assertDenied("http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/", "denied_address");
    }

    @Test
    void publicIpLiteralIsPinnedWithoutLookup() {
        assertThat(check("https://93.184.216.34:8443/").address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(dns.lookups()).isZero();
    }

    @Test
    void unknownHostIsADnsFailureNotAnEgressDenial() {
        assertDnsFailure("https://nowhere.example.com/");
    }

    @Test
    void hostWithoutAddressesIsADnsFailure() {
        dns.mapToNothing("empty.example.com");

        assertDnsFailure("https://empty.example.com/");
    }

    @Test
    void hangingLookupEndsAsDnsFailureAfterTheResolveTimeout() {
        HostResolver hanging = host -> Uni.createFrom().nothing();
        EgressGuard slow = new EgressGuard(new UrlPolicy(false), new AddressClassifier(List.of()), hanging,
                Duration.ofMillis(100));

        assertThatThrownBy(() -> slow.check("https://slow.example.com/").await().atMost(WAIT))
                .isInstanceOfSatisfying(EgressCallException.class, e -> assertThat(e.code()).isEqualTo("dns_failure"));
    }

    @Test
    void allowCidrsLetDevelopmentReachLoopback() {
        EgressGuard dev = new EgressGuard(new UrlPolicy(true), new AddressClassifier(List.of(Cidr.parse("127.0.0.0/8"))),
                dns.map("hook.test", "127.0.0.1"), Duration.ofSeconds(1));

        InetAddress pinned = dev.check("http://hook.test:8080/").await().atMost(WAIT).address();

        assertThat(pinned.getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(pinned).hasToString("/127.0.0.1");
    }

    @Test
    void malformedUrlFailsTheUniRatherThanThrowing() {
        Uni<PinnedTarget> uni = guard.check("https://user:pw@example.com/");

        assertThatThrownBy(() -> uni.await().atMost(WAIT))
                .isInstanceOfSatisfying(EgressDeniedException.class, e -> assertThat(e.code()).isEqualTo("userinfo"));
    }

    private PinnedTarget check(String url) {
        return guard.check(url).await().atMost(WAIT);
    }

    private void assertDnsFailure(String url) {
        assertThatThrownBy(() -> check(url))
                .isInstanceOfSatisfying(EgressCallException.class, e -> assertThat(e.code()).isEqualTo("dns_failure"));
    }

    private void assertDenied(String url, String reason) {
        assertThatThrownBy(() -> check(url))
                .isInstanceOfSatisfying(EgressDeniedException.class, e -> assertThat(e.code()).isEqualTo(reason));
    }
}
