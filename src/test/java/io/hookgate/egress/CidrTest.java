package io.hookgate.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "10.0.0.0/8, 10.0.0.0, true",
        "10.0.0.0/8, 10.255.255.255, true",
        "10.0.0.0/8, 11.0.0.0, false",
        "10.0.0.0/8, 9.255.255.255, false",
        "100.64.0.0/10, 100.127.255.255, true",
        "100.64.0.0/10, 100.128.0.0, false",
        "100.64.0.0/10, 100.63.255.255, false",
        "0.0.0.0/0, 203.0.113.9, true",
        "192.0.2.7/32, 192.0.2.7, true",
        "192.0.2.7/32, 192.0.2.8, false",
        "fc00::/7, fdff:ffff::1, true",
        "fc00::/7, fe00::, false",
        "fe80::/10, febf::1, true",
        "fe80::/10, fec0::, false",
        "::1/128, ::1, true",
        "::1/128, 127.0.0.1, false",
        "10.0.0.0/8, ::ffff:0a00:0001, true",
    })
    void matchesOnLeadingBitsOfTheSameFamily(String cidr, String address, boolean expected) {
        InetAddress ip = IpLiterals.parse(address).orElseThrow();

        assertThat(Cidr.parse(cidr).contains(ip)).isEqualTo(expected);
    }

    @Test
    void bareAddressMeansSingleHost() {
        assertThat(Cidr.parse("::1")).isEqualTo(Cidr.parse("::1/128"));
        assertThat(Cidr.parse(" 127.0.0.1 ").prefixLength()).isEqualTo(32);
    }

    @Test
    void printsInCanonicalForm() {
        assertThat(Cidr.parse("127.0.0.0/8")).hasToString("127.0.0.0/8");
        assertThat(Cidr.parse("::ffff:0:0/96").toString()).startsWith("0:0:0:0:0:ffff:0:0/96");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.0/33", "10.0.0.1/8", "10.0.0/8", "010.0.0.0/8", "10.0.0.0/-1",
        "10.0.0.0/", "::1/129", "fe80::%eth0/10", "localhost/8", "10.0.0.0/8/8", "10.0.0.0/a"})
    void rejectsInvalidCidrWithAMessageNamingIt(String text) {
        assertThatThrownBy(() -> Cidr.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CIDR");
    }
}
