package io.hookgate.egress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetUrlTest {

    @Test
    void withQueryParamStartsAQueryWhenThereIsNone() {
        TargetUrl url = new TargetUrl("https", "example.com", 443, "/hook");

        assertThat(url.withQueryParam("challenge", "abc").pathAndQuery()).isEqualTo("/hook?challenge=abc");
    }

    @Test
    void withQueryParamKeepsAnExistingQuery() {
        TargetUrl url = new TargetUrl("https", "example.com", 443, "/hook?tenant=7");

        assertThat(url.withQueryParam("challenge", "abc").pathAndQuery()).isEqualTo("/hook?tenant=7&challenge=abc");
        assertThat(new TargetUrl("https", "example.com", 443, "/hook?").withQueryParam("c", "1").pathAndQuery())
                .isEqualTo("/hook?c=1");
    }

    @Test
    void withQueryParamPercentEncodesTheValue() {
        TargetUrl url = new TargetUrl("https", "example.com", 443, "/");

        assertThat(url.withQueryParam("challenge", "a b+c&d=é/").pathAndQuery())
                .isEqualTo("/?challenge=a%20b%2Bc%26d%3D%C3%A9%2F");
    }

    @Test
    void redactedDropsTheQueryAndShowsThePort() {
        TargetUrl url = new TargetUrl("https", "example.com", 443, "/hook?token=s3cret");

        assertThat(url.redacted()).isEqualTo("https://example.com:443/hook");
        assertThat(url).hasToString("https://example.com:443/hook");
        assertThat(new TargetUrl("http", "::1", 8080, "/?a").redacted()).isEqualTo("http://[::1]:8080/");
    }

    @Test
    void authorityOmitsTheDefaultPortAndBracketsIpv6() {
        assertThat(new TargetUrl("https", "example.com", 443, "/").authority()).isEqualTo("example.com");
        assertThat(new TargetUrl("http", "example.com", 443, "/").authority()).isEqualTo("example.com:443");
        assertThat(new TargetUrl("http", "::1", 80, "/").authority()).isEqualTo("[::1]");
        assertThat(new TargetUrl("https", "hook.test", 8443, "/a?b").toExternalForm())
                .isEqualTo("https://hook.test:8443/a?b");
    }

    @Test
    void ipLiteralsAreRecognised() {
        assertThat(new TargetUrl("https", "203.0.113.9", 443, "/").isIpLiteral()).isTrue();
        assertThat(new TargetUrl("https", "2001:db8::1", 443, "/").isIpLiteral()).isTrue();
        assertThat(new TargetUrl("https", "example.com", 443, "/").isIpLiteral()).isFalse();
    }
}
