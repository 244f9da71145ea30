package io.hookgate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.tenant.AuthFailureLimiter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and broken requests: each gets a 4xx problem+json that leaks nothing about the implementation. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestsTest {

    private static final String ADMIN = "Bearer test-admin-key-0123456789abcdef";
    private static final String JSON = "application/json";
    private static final String TENANT = "/v1/tenants/{tenant}";
    private static final String VALID = "{\"name\":\"a\",\"channels\":[\"*\"]}";

    @Inject
    AuthFailureLimiter limiter;

    private String tenant;

    record Case(String name, String method, String path, String contentType, byte[] body, String accept, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    // created on first use: RestAssured learns the test port only once a test runs
    private String tenantPath() {
        if (tenant == null) {
            tenant = given().header("Authorization", ADMIN).contentType(JSON).body(VALID).post("/v1/tenants")
                    .then().statusCode(201).extract().path("id");
        }
        return "/v1/tenants/" + tenant;
    }

    @BeforeEach
    void forgetFailures() {
        limiter.clear();
    }

    private static Case post(String name, String body, int status) {
        return new Case(name, "POST", "/v1/tenants", JSON, body.getBytes(StandardCharsets.UTF_8), null, status);
    }

    private static Case raw(String name, byte[] body, int status) {
        return new Case(name, "POST", "/v1/tenants", JSON, body, null, status);
    }

    private static Case get(String name, String path, int status) {
        return new Case(name, "GET", path, null, null, null, status);
    }

    Stream<Case> cases() {
        String huge = "{\"name\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"channels\":[\"*\"]}";
        String large = "{\"name\":\"" + "a".repeat(70 * 1024) + "\",\"channels\":[\"*\"]}";
        String deep = "{\"name\":\"a\",\"channels\":" + "[".repeat(100) + "]".repeat(100) + "}";
        String manyChannels = "{\"name\":\"a\",\"channels\":[" + "\"c\",".repeat(1000) + "\"d\"]}";
        String tenantPath = TENANT;
        return Stream.of(
                new Case("text/plain body", "POST", "/v1/tenants", "text/plain", VALID.getBytes(), null, 415),
                new Case("xml body", "POST", "/v1/tenants", "application/xml", "<a/>".getBytes(), null, 415),
                new Case("octet-stream body", "POST", "/v1/tenants", "application/octet-stream", VALID.getBytes(), null, 415),
                post("truncated JSON", "{\"name\":\"a\",\"channels\":[\"*\"", 400),
                post("empty body", "", 400),
                post("not JSON", "hello", 400),
                post("JSON array instead of object", "[]", 400),
                post("JSON string instead of object", "\"tenant\"", 400),
                post("duplicate keys", "{\"name\":\"a\",\"name\":\"b\",\"channels\":[\"*\"]}", 400),
                post("unknown field", "{\"name\":\"a\",\"channels\":[\"*\"],\"foo\":1}", 400),
                post("id is not writable", "{\"id\":\"x\",\"name\":\"a\",\"channels\":[\"*\"]}", 400),
                post("huge number", "{\"name\":" + "9".repeat(5000) + ",\"channels\":[\"*\"]}", 400),
                post("huge exponent", "{\"name\":1e999999999,\"channels\":[\"*\"]}", 400),
                post("100-deep nesting", deep, 400),
                post("trailing data", VALID + " {}", 400),
                post("comment", "{/*x*/\"name\":\"a\",\"channels\":[\"*\"]}", 400),
                post("NaN", "{\"name\":NaN,\"channels\":[\"*\"]}", 400),
                post("name wrong type", "{\"name\":123,\"channels\":[\"*\"]}", 400),
                post("channels wrong type", "{\"name\":\"a\",\"channels\":\"*\"}", 400),
                post("missing fields", "{}", 422),
                post("null fields", "{\"name\":null,\"channels\":null}", 422),
                post("escaped NUL in name", "{\"name\":\"a\\u0000b\",\"channels\":[\"*\"]}", 422),
                raw("raw NUL in name", "{\"name\":\"a\u0000b\",\"channels\":[\"*\"]}".getBytes(StandardCharsets.UTF_8), 400),
                post("bidi override in name", "{\"name\":\"abc\u202Egpj.exe\",\"channels\":[\"*\"]}", 422),
                post("lone surrogate in name", "{\"name\":\"a\\ud800\",\"channels\":[\"*\"]}", 422),
                raw("invalid UTF-8", concat("{\"name\":\"a".getBytes(), new byte[] {(byte) 0xC3, 0x28},
                        "\",\"channels\":[\"*\"]}".getBytes()), 400),
                post("name too long", "{\"name\":\"" + "n".repeat(129) + "\",\"channels\":[\"*\"]}", 422),
                post("blank name", "{\"name\":\"   \",\"channels\":[\"*\"]}", 422),
                post("no channels", "{\"name\":\"a\",\"channels\":[]}", 422),
                post("wildcard with others", "{\"name\":\"a\",\"channels\":[\"*\",\"x\"]}", 422),
                post("null channel", "{\"name\":\"a\",\"channels\":[null]}", 422),
                post("1001 channels", manyChannels, 422),
                post("channel with newline", "{\"name\":\"a\",\"channels\":[\"a\\nb\"]}", 422),
                post("70 KiB body", large, 413),
                post("2 MiB body", huge, 413),
                new Case("PATCH null name", "PATCH", tenantPath, JSON, "{\"name\":null}".getBytes(), null, 422),
                new Case("PATCH unknown field", "PATCH", tenantPath, JSON, "{\"created_at\":\"x\"}".getBytes(), null, 400),
                new Case("PATCH wrong content type", "PATCH", tenantPath, "text/plain", "{}".getBytes(), null, 415),
                get("invalid UUID in path", "/v1/tenants/not-a-uuid", 404),
                get("short-group UUID in path", "/v1/tenants/1-1-1-1-1", 404),
                get("SQL in path", "/v1/tenants/1'%20OR%20'1'='1", 404),
                get("unknown tenant", "/v1/tenants/00000000-0000-4000-8000-000000000000", 404),
                get("invalid UUID in key path", "/v1/tenants/zz/api-keys", 404),
                new Case("invalid key id", "DELETE", tenantPath + "/api-keys/NOT!A!KEY", null, null, null, 404),
                get("invalid cursor", "/v1/tenants?cursor=zzz", 400),
                get("tampered cursor", "/v1/tenants?cursor=MTIzfGFiYw", 400),
                get("limit not a number", "/v1/tenants?limit=abc", 400),
                get("limit too large", "/v1/tenants?limit=100000", 400),
                get("limit zero", "/v1/tenants?limit=0", 400),
                get("limit negative", "/v1/tenants?limit=-1", 400),
                get("unknown path", "/v1/nope", 404),
                new Case("wrong method", "PUT", "/v1/tenants", JSON, VALID.getBytes(), null, 405),
                new Case("only HTML accepted", "GET", "/v1/tenants", null, null, "text/html", 406));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAProblemThatLeaksNothing(Case c) {
        RequestSpecification request = given().header("Authorization", ADMIN);
        if (c.contentType() != null) {
            request.contentType(c.contentType() + "; charset=UTF-8");
        }
        if (c.body() != null) {
            request.body(c.body());
        }
        if (c.accept() != null) {
            request.accept(c.accept());
        }
        Response response = request.request(c.method(), c.path().replace(TENANT, tenantPath()));
        String body = response.asString();
        assertThat(response.statusCode()).as(body).isEqualTo(c.status());
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<Integer>path("status")).isEqualTo(c.status());
        assertThat(response.<String>path("type")).startsWith("https://hookgate.io/problems/");
        assertThat(body).doesNotContain("Exception", "at io.", "java.", "jakarta.", "com.fasterxml", "\tat ");
        assertThat(body.length()).isLessThan(4096);
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
