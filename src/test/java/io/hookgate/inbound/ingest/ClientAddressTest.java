package io.hookgate.inbound.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code allow_cidrs} matching of the resolved client address. */
class ClientAddressTest {

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "192.0.2.7        | 192.0.2.0/24    | true",
        "192.0.3.7        | 192.0.2.0/24    | false",
        "::ffff:192.0.2.7 | 192.0.2.0/24    | true",
        "2001:db8::1      | 2001:db8::/32   | true",
        "2001:db9::1      | 2001:db8::/32   | false",
        "192.0.2.7        | 2001:db8::/32   | false",
        "[2001:db8::1]    | 2001:db8::/32   | true",
        "unknown          | 0.0.0.0/0       | false",
        "not-an-ip        | 0.0.0.0/0       | false",
    })
    void matchesOnlyAddressesInsideARange(String host, String cidr, boolean allowed) {
        assertThat(ClientAddress.allowed(List.of(cidr), host)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"192.0.2.7", "unknown", "::1"})
    void noRangesMeansAnyAddress(String host) {
        assertThat(ClientAddress.allowed(null, host)).isTrue();
    }
}
