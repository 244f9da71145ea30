package io.hookgate.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassifierTest {

    private final AddressClassifier strict = new AddressClassifier(List.of());

    @ParameterizedTest(name = "{0} is denied as {1}")
    @CsvSource({
        "0.0.0.0, unspecified",
        "0.255.255.255, unspecified",
        "10.0.0.0, private",
        "10.255.255.255, private",
        "100.64.0.0, cgnat",
        "100.127.255.255, cgnat",
        "127.0.0.1, loopback",
        "127.255.255.254, loopback",
        "169.254.0.1, link-local",
        "169.254.169.254, link-local",
        "172.16.0.0, private",
        "172.31.255.255, private",
        "192.0.0.8, ietf-protocol",
        "192.0.2.1, documentation",
        "192.88.99.1, 6to4-relay",
        "192.168.0.1, private",
        "192.168.255.255, private",
        "198.18.0.0, benchmarking",
        "198.19.255.255, benchmarking",
        "198.51.100.7, documentation",
        "203.0.113.200, documentation",
        "224.0.0.1, multicast",
        "239.255.255.255, multicast",
        "240.0.0.1, reserved",
        "255.255.255.254, reserved",
        "255.255.255.255, broadcast",
        "::, unspecified",
        "::1, loopback",
        "100::1, discard",
        "64:ff9b:1::1, local-nat64",
        "2001:2::1, benchmarking",
        "2001:10::1, orchid",
        "2001:1f:ffff::1, orchid",
        "2001:20::1, orchid-v2",
        "2001:db8::1, documentation",
        "3fff::1, documentation",
        "fc00::1, unique-local",
        "fdff:ffff::1, unique-local",
        "fe80::1, link-local",
        "febf:ffff::1, link-local",
        "fec0::1, site-local",
        "ff02::1, multicast",
        "::127.0.0.1, ipv4-compatible(loopback)",
        "::10.0.0.1, ipv4-compatible(private)",
        "::ffff:0:192.168.1.1, ipv4-translated(private)",
        "64:ff9b::127.0.0.1, nat64(loopback)",
        "64:ff9b::a9fe:a9fe, nat64(link-local)",
        "2002:7f00:1::, 6to4(loopback)",
        "2002:a9fe:a9fe::1, 6to4(link-local)",
        "2002:c0a8:101::1, 6to4(private)",
        "2001:0:4136:e378:8000:63bf:80ff:fffe, teredo(loopback)",
        "2001:0:4136:e378:8000:63bf:f5ff:fffe, teredo(private)",
        "1::1, not-global-unicast",
        "4000::1, not-global-unicast",
    })
    void deniedRangesAreRefusedWithTheirName(String address, String expected) {
        assertThat(strict.denial(ip(address))).contains(expected);
    }

    @ParameterizedTest(name = "{0} is allowed")
    @CsvSource({
        "1.0.0.0",
        "8.8.8.8",
        "9.255.255.255",
        "11.0.0.0",
        "100.63.255.255",
        "100.128.0.0",
        "126.255.255.255",
        "128.0.0.0",
        "169.253.255.255",
        "169.255.0.0",
        "172.15.255.255",
        "172.32.0.0",
        "192.0.1.255",
        "192.0.3.0",
        "192.167.255.255",
        "192.169.0.0",
        "198.17.255.255",
        "198.20.0.0",
        "198.51.99.255",
        "198.51.101.0",
        "203.0.112.255",
        "203.0.114.0",
        "223.255.255.255",
        "2001:4860:4860::8888",
        "2606:4700::1111",
        "2001:db7:ffff::1",
        "2001:db9::1",
        "2001:30::1",
        "::8.8.8.8",
        "64:ff9b::8.8.8.8",
        "2002:808:808::1",
        "2001:0:4136:e378:8000:63bf:f7f7:f7f7",
    })
    void globallyRoutableAddressesAreAllowed(String address) {
        assertThat(strict.isAllowed(ip(address))).isTrue();
    }

    @Test
    void ipv4MappedAddressIsJudgedByItsEmbeddedAddressEvenWhenKeptAsIpv6() throws Exception {
        byte[] mappedLoopback = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        byte[] mappedPublic = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 8, 8, 8, 8};

        assertThat(strict.denial(Inet6Address.getByAddress(null, mappedLoopback, -1))).contains("ipv4-mapped(loopback)");
        assertThat(strict.isAllowed(Inet6Address.getByAddress(null, mappedPublic, -1))).isTrue();
        assertThat(strict.denial(ip("::ffff:127.0.0.1"))).contains("loopback");
    }

    @Test
    void allowCidrsOverrideTheDeniedTable() {
        AddressClassifier dev = new AddressClassifier(List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128")));

        assertThat(dev.isAllowed(ip("127.0.0.1"))).isTrue();
        assertThat(dev.isAllowed(ip("127.10.20.30"))).isTrue();
        assertThat(dev.isAllowed(ip("::1"))).isTrue();
        assertThat(dev.isAllowed(ip("10.0.0.1"))).isFalse();
        assertThat(dev.isAllowed(ip("169.254.169.254"))).isFalse();
        assertThat(dev.isAllowed(ip("::2"))).isFalse();
    }

    @Test
    void allowCidrOfOneFamilyDoesNotOpenTheOther() {
        AddressClassifier v4Only = new AddressClassifier(List.of(Cidr.parse("0.0.0.0/0")));

        assertThat(v4Only.isAllowed(ip("10.1.2.3"))).isTrue();
        assertThat(v4Only.isAllowed(ip("fc00::1"))).isFalse();
    }

    private static InetAddress ip(String literal) {
        return IpLiterals.parse(literal).orElseThrow();
    }
}
