package io.hookgate.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlPolicyTest {

    private final UrlPolicy withHttp = new UrlPolicy(true);
    private final UrlPolicy httpsOnly = new UrlPolicy(false);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "http://2130706433/                   | invalid_host",
        "http://0177.0.0.1/                   | invalid_host",
        "http://0x7f.0.0.1/                   | invalid_host",
        "http://0x7f000001/                   | invalid_host",
        "http://127.1/                        | invalid_host",
        "http://127.0.1/                      | invalid_host",
        "http://127.0.0.01/                   | invalid_host",
        "http://127.0.0.1.1/                  | invalid_host",
        "http://256.0.0.1/                    | invalid_host",
        "http://1.2.3.4.5/                    | invalid_host",
        "http://example.0x1/                  | invalid_host",
        "http://%31%32%37.0.0.1/              | invalid_host",
        "http://[::1%25eth0]/                 | invalid_host",
        "http://[::1/                         | invalid_host",
        "http://[1:2:3:4:5:6:7:8:9]/          | invalid_host",
        "http://exa_mple.com/                 | invalid_host",
        "http://-example.com/                 | invalid_host",
        "http://example..com/                 | invalid_host",
        "http://example.com./                 | invalid_host",
        "http://exa mple.com/                 | invalid_host",
        "http://evil.com\\.good.com/          | invalid_host",
        "http:///path                         | invalid_host",
        "http://:8080/                        | invalid_host",
        "https://user:pw@example.com/         | userinfo",
        "https://user@example.com/            | userinfo",
        "https://example.com@evil.com/        | userinfo",
        "https://example.com#x                | fragment",
        "https://example.com/p?q=1#frag       | fragment",
        "ftp://example.com/                   | scheme_not_allowed",
        "file:///etc/passwd                   | scheme_not_allowed",
        "gopher://127.0.0.1:70/               | scheme_not_allowed",
        "javascript:alert(1)                  | scheme_not_allowed",
        "http://127.0.0.1:0/                  | invalid_port",
        "http://127.0.0.1:65536/              | invalid_port",
        "http://127.0.0.1:99999999999/        | invalid_port",
        "http://example.com:/                 | invalid_port",
        "http://example.com:８０/              | invalid_port",
        "http://example.com:-1/               | invalid_port",
        "http://[::1]x/                       | invalid_port",
        "example.com/hook                     | invalid_url",
        "//example.com/hook                   | invalid_url",
        "https:example.com                    | invalid_url",
        "https:/example.com                   | invalid_url",
        "https://example.com/a b              | invalid_url",
        "https://example.com/ünïcode          | invalid_url",
        "https://example.com/a\\b             | invalid_url",
    })
    void rejectsUnsafeOrAmbiguousUrls(String url, String reason) {
        assertThatThrownBy(() -> withHttp.parse(url))
                .isInstanceOfSatisfying(EgressDeniedException.class, e -> assertThat(e.code()).isEqualTo(reason));
    }

    @ParameterizedTest(name = "{0} -> {1} {2} {3}")
    @CsvSource(delimiter = '|', value = {
        "https://example.com                      | example.com       | 443   | /",
        "https://Example.COM:8443/Hook?A=B        | example.com       | 8443  | /Hook?A=B",
        "HTTPS://example.com?x=1                  | example.com       | 443   | /?x=1",
        "http://hook.test:8080/in                 | hook.test         | 8080  | /in",
        "http://127.0.0.1/                        | 127.0.0.1         | 80    | /",
        "http://169.254.169.254/latest/meta-data  | 169.254.169.254   | 80    | /latest/meta-data",
        "http://[::1]:9000/                       | ::1               | 9000  | /",
        "http://[::127.0.0.1]/                    | ::127.0.0.1       | 80    | /",
        "http://[::ffff:127.0.0.1]/               | ::ffff:127.0.0.1  | 80    | /",
        "http://[FE80::1]/                        | fe80::1           | 80    | /",
        "http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/                       | localhost         | 80    | /",
        "http://127。0。0。1/                      | 127.0.0.1         | 80    | /",
        "http://１２７.０.０.１/                    | 127.0.0.1         | 80    | /",
        "https://bücher.example/                  | xn--bcher-kva.example | 443 | /",
        "https://example.com:65535/               | example.com       | 65535 | /",
        "https://example.com:1/                   | example.com       | 1     | /",
        "https://1e100.net/                       | 1e100.net         | 443   | /",
    })
    void acceptsAndNormalisesValidUrls(String url, String host, int port, String pathAndQuery) {
        TargetUrl parsed = withHttp.parse(url);

        assertThat(parsed.host()).isEqualTo(host);
        assertThat(parsed.port()).isEqualTo(port);
        assertThat(parsed.pathAndQuery()).isEqualTo(pathAndQuery);
    }

    @Test
    void plainHttpNeedsTheFlag() {
        assertThatThrownBy(() -> httpsOnly.parse("http://example.com/"))
                .isInstanceOfSatisfying(EgressDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(EgressDeniedException.Reason.SCHEME_NOT_ALLOWED));
        assertThat(httpsOnly.parse("https://example.com/").scheme()).isEqualTo("https");
    }

    @Test
    void urlsLongerThan2048CharactersAreRefused() {
        String prefix = "https://example.com/";
        String exact = prefix + "a".repeat(UrlPolicy.MAX_LENGTH - prefix.length());

        assertThat(httpsOnly.parse(exact).pathAndQuery()).hasSize(UrlPolicy.MAX_LENGTH - prefix.length() + 1);
        assertThatThrownBy(() -> httpsOnly.parse(exact + "a"))
                .isInstanceOfSatisfying(EgressDeniedException.class, e -> assertThat(e.code()).isEqualTo("too_long"));
    }

    @Test
    void denialMessagesNeverEchoTheQuery() {
        assertThatThrownBy(() -> withHttp.parse("http://0x7f.0.0.1/?token=s3cret"))
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> withHttp.parse("https://user:s3cret@example.com/"))
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void emptyAndNullUrlsAreInvalid() {
        assertThatThrownBy(() -> withHttp.parse(""))
                .isInstanceOfSatisfying(EgressDeniedException.class, e -> assertThat(e.code()).isEqualTo("invalid_url"));
        assertThatThrownBy(() -> withHttp.parse(null))
                .isInstanceOfSatisfying(EgressDeniedException.class, e -> assertThat(e.code()).isEqualTo("invalid_url"));
    }
}
