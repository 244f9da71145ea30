package io.hookgate.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * SSRF vectors for scenario 11. {@code c} is the canary port on 127.0.0.1 (denied); {@code a} is the port of the
 * allowed receiver on 127.0.0.2, used where only the URL shape (userinfo, fragment, scheme, port) must reject.
 */
final class EgressVectors {

    private EgressVectors() {
    }

    static List<String> all(int c, int a) {
        List<String> v = new ArrayList<>();
        // loopback in every encoding
        for (String host : List.of("127.0.0.1", "2130706433", "0177.0.0.1", "0x7f.0.0.1", "0x7f000001",
                "017700000001", "127.1", "127.0.1", "0177.1", "0x7f.1", "127.000.000.001", "127.127.127.127",
                "[::1]", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:127.0.0.1]",
                "[::127.0.0.1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]", "[2001:0:4136:e378:8000:63bf:80ff:fffe]",
                "１２７.０.０.１", "127。0。0。1", "127．0．0．1", "①②⑦.⓪.⓪.①", "ⓛⓞⓒⓐⓛⓗⓞⓢⓣ", "%31%32%37.0.0.1",
                "[::1%25lo]", "localhost", "LOCALHOST", "localhost.", "LocalHost", "ip6-localhost",
                "localhost.localdomain", "127.0.0.1.nip.io", "0.0.0.0", "0", "[::]", "[::ffff:0.0.0.0]")) {
            v.add("http://" + host + ":" + c + "/hook");
        }
        // private, shared, link-local, multicast, broadcast, documentation, reserved ranges
        for (String host : List.of("10.0.0.1", "10.255.255.254", "172.16.0.1", "172.31.255.1", "192.168.1.1",
                "100.64.0.1", "100.127.255.254", "169.254.169.254", "[::ffff:169.254.169.254]", "[64:ff9b::a9fe:a9fe]",
                "[fe80::1]", "[fd00::1]", "[fc00::1]", "[fec0::1]", "224.0.0.1", "239.255.255.250", "[ff02::1]",
                "255.255.255.255", "192.0.2.1", "198.51.100.7", "203.0.113.9", "[2001:db8::1]", "240.0.0.1",
                "198.18.0.1", "192.0.0.8", "[2002:a00:1::]", "[2002:c0a8:101::]")) {
            v.add("http://" + host + "/latest/meta-data/");
        }
        // URL shape: userinfo, fragment, schemes, ports, length, parser confusion
        v.addAll(List.of("http://127.0.0.2:" + a + "@127.0.0.1:" + c + "/hook",
                "http://user@127.0.0.1:" + c + "/hook", "http://user:pass@127.0.0.2:" + a + "/hook",
                "http://user@evil/hook", "http://127.0.0.2:" + a + "/hook#frag",
                "http://127.0.0.1:" + c + "#@127.0.0.2:" + a + "/hook",
                "http://127.0.0.2:" + a + "\\@127.0.0.1:" + c + "/hook",
                "http://127.0.0.1:" + c + "?@127.0.0.2:" + a + "/hook", "ftp://127.0.0.2:" + a + "/hook",
                "file:///etc/passwd", "gopher://127.0.0.1:" + c + "/_GET", "dict://127.0.0.1:" + c + "/info",
                "javascript:alert(1)", "data:text/plain,hi", "http://127.0.0.2:0/hook", "http://127.0.0.2:65536/hook",
                "http://127.0.0.2:99999999999/hook", "http://127.0.0.2:" + a + "/" + "a".repeat(2100),
                "http:///127.0.0.1:" + c + "/hook", "http://:" + c + "/hook", "HTTP://127.0.0.1:" + c + "/hook",
                "https://127.0.0.1:" + c + "/hook", " http://127.0.0.1:" + c + "/hook",
                "http://127.0.0.2:" + a + "/hook\r\nHost: 127.0.0.1", "/relative/hook", ""));
        return v;
    }
}
