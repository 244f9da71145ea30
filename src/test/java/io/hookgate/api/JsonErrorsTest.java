package io.hookgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import io.hookgate.tenant.CreateTenantRequest;
import io.hookgate.tenant.UpdateTenantRequest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonErrorsTest {

    private static final ObjectMapper MAPPER = strictMapper();

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    private static ProblemException problemOf(String json, Class<?> type) {
        Throwable failure = catchThrowable(() -> MAPPER.readValue(json, type));
        assertThat(failure).as("input %s must fail", json).isNotNull();
        return JsonErrors.toProblem(failure).orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"name\":\"a\",\"channels\":[\"x\"]                  | malformed-json     | truncated JSON at line 1",
        "not json                                             | malformed-json     | malformed JSON at line 1, column 1",
        "{\"name\":\"a\",\"name\":\"b\",\"channels\":[\"*\"]}   | malformed-json     | duplicate key at line 1",
        "{\"name\":\"a\",\"channels\":[\"*\"],\"foo\":1}        | unknown-field      | unknown field 'foo'",
        "{\"name\":\"a\",\"channels\":[\"*\"]} {}               | malformed-json     | unexpected data after the JSON value",
        "{\"name\":123,\"channels\":[\"*\"]}                    | invalid-json-value | field 'name' has the wrong JSON type",
        "{\"name\":\"a\",\"channels\":\"x\"}                    | invalid-json-value | field 'channels' has the wrong JSON type",
        "{\"name\":\"a\",\"channels\":[[\"x\"]]}                | invalid-json-value | field 'channels[0]' has the wrong JSON type",
        "[]                                                   | malformed-json     | request body has the wrong JSON type",
        "{/*c*/\"name\":\"a\"}                                  | malformed-json     | malformed JSON at line 1",
        "{\"name\":NaN}                                         | malformed-json     | malformed JSON at line 1",
    })
    void describesFailuresInItsOwnWords(String json, String type, String detail) {
        ProblemException problem = problemOf(json.strip(), CreateTenantRequest.class);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(type);
        assertThat(problem.getMessage()).startsWith(detail).doesNotContain("java").doesNotContain("Exception");
    }

    @Test
    void nestingBeyond64LevelsIsRejected() {
        String deep = "[".repeat(65) + "]".repeat(65);
        assertThat(problemOf(deep, JsonNode.class).getMessage()).isEqualTo("JSON nesting is too deep");
        String ok = "[".repeat(64) + "]".repeat(64);
        assertThat(catchThrowable(() -> MAPPER.readTree(ok))).isNull();
    }

    @Test
    void numbersLongerThanTheLimitAreRejected() {
        String json = "{\"name\":" + "9".repeat(101) + ",\"channels\":[]}";
        assertThat(problemOf(json, CreateTenantRequest.class).getMessage()).isEqualTo("a JSON number is too long");
    }

    @Test
    void unknownNestedFieldIsReportedWithItsPath() {
        ProblemException problem = problemOf("{\"a\":1}", UpdateTenantRequest.class);
        assertThat(problem.errors()).containsExactly(new ProblemException.FieldError("a", "unknown field"));
    }

    @Test
    void unknownFieldNamesAreMadePrintable() {
        ProblemException problem = problemOf("{\"a\\u202eb\":1}", UpdateTenantRequest.class);
        assertThat(problem.getMessage()).isEqualTo("unknown field 'a?b'");
    }

    @Test
    void emptyBodyIsReportedAsEmpty() {
        assertThat(problemOf("", CreateTenantRequest.class).getMessage()).isEqualTo("request body is empty or truncated");
    }

    @Test
    void stringsAreNotCoercedFromOtherScalars() {
        assertThat(problemOf("{\"name\":true,\"channels\":[1]}", CreateTenantRequest.class).type())
                .isEqualTo("invalid-json-value");
    }

    @Test
    void definitionErrorsAreServerFaults() {
        Throwable failure = InvalidDefinitionException.from((com.fasterxml.jackson.core.JsonParser) null, "bad",
                MAPPER.constructType(List.class));
        assertThat(JsonErrors.toProblem(failure)).isEmpty();
        assertThat(JsonErrors.toProblem(new IllegalStateException("x"))).isEmpty();
    }
}
