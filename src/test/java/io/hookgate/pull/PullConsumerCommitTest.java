package io.hookgate.pull;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Committing a consumer's cursor answers what was stored, and no value of a pull parameter is a 500. Both defects
 * were found by a walk through the README, not by this suite: an empty cursor (what {@code "$NEXT"} is before the
 * first message) failed with a 500, and a second commit answered the cursor it replaced.
 */
@QuarkusTest
class PullConsumerCommitTest {

    private static final long SEED = Long.getLong("hookgate.test.seed", 20261206L);
    private static final int VALUES = 120;
    private static final String HEX = "0123456789abcdef";

    @Test
    void aRecommitAnswersAndListsTheCursorItJustStored() {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        String consumer = "/v1/subscriptions/" + sub.id() + "/consumers/";
        for (int n = 1; n <= 3; n++) {
            String cursor = "%032x".formatted(n);
            given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(Map.of("cursor", cursor))
                    .put(consumer + "c1").then().statusCode(200).body("cursor", equalTo(cursor));
            assertThat(given().auth().oauth2(tenant.apiKey()).get(consumer).then().statusCode(200).extract()
                    .jsonPath().getString("data[0].cursor")).as("listed after commit %d", n).isEqualTo(cursor);
        }
    }

    @Test
    void noValueOfAPullParameterIsA500AndEveryRefusalIsAProblemNamingIt() {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        String base = "/v1/subscriptions/" + sub.id();
        for (String value : values(new Random(SEED))) {
            check(value, "cursor", given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                    .body(bodyWithCursor(value)).put(base + "/consumers/c1"));
            for (String param : List.of("after", "limit", "consumer", "wait")) {
                if (param.equals("wait") && holdsACall(value)) {
                    continue;
                }
                String field = param.equals("consumer") ? "name" : param;
                check(value, field, given().auth().oauth2(tenant.apiKey()).queryParam(param, value)
                        .get(base + "/messages"));
            }
        }
    }

    private static void check(String value, String field, Response response) {
        int status = response.statusCode();
        String what = field + " = " + quoted(value);
        assertThat(status).as(what).isIn(200, 400);
        if (status == 400) {
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("errors[0].field")).as(what).isEqualTo(field);
        }
    }

    /** Edge cases first, then seeded random strings: near-cursors, numbers, blanks, controls and non-ASCII. */
    static List<String> values(Random random) {
        List<String> out = new ArrayList<>(List.of("", " ", "\t", "null", "0", "-0", "+1", "1e2", "00", "%032x"
                .formatted(1), "%031x".formatted(1), "%033x".formatted(1), "%032X".formatted(10), "\u0000", "é",
                " " + "%032x".formatted(2), "%032x".formatted(2) + " ", "9".repeat(40), "-".repeat(3)));
        String[] alphabets = {HEX, HEX.toUpperCase() + "g-_ .", "0123456789-+ ", "\u0000\u0001\n\r\t \"\\/",
            "aé漢😀\u200b"};
        while (out.size() < VALUES) {
            String alphabet = alphabets[random.nextInt(alphabets.length)];
            int length = random.nextInt(4) == 0 ? 32 : random.nextInt(40);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length; i++) {
                s.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            out.add(s.toString());
        }
        return out;
    }

    /** A valid non-zero wait holds the call for that long: the test skips it, the range test covers it. */
    private static boolean holdsACall(String value) {
        try {
            return Integer.parseInt(value) > 0 && Integer.parseInt(value) <= PullParams.MAX_WAIT_SECONDS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Map<String, Object> bodyWithCursor(String value) {
        Map<String, Object> body = new HashMap<>();
        body.put("cursor", value);
        return body;
    }

    private static String quoted(String value) {
        return value.codePoints().mapToObj(c -> c < 0x20 || c == 0x7f ? "\\u%04x".formatted(c)
                : Character.toString(c)).reduce("\"", String::concat) + "\"";
    }
}
