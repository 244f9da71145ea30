package io.hookgate.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hookgate.api.ProblemException;
import io.hookgate.api.ProblemException.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantRulesTest {

    private static List<FieldError> errorsOf(String name, List<String> channels) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> TenantRules.forCreate(name, channels));
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(422);
        return e.errors();
    }

    @Test
    void normalisesChannelsByDroppingDuplicates() {
        TenantRules.TenantInput input = TenantRules.forCreate("Ada", List.of("b", "a", "b"));
        assertThat(input.channels()).containsExactly("b", "a");
        assertThat(TenantRules.forCreate("Ada", List.of("*")).channels()).containsExactly("*");
    }

    @Test
    void bothFieldsAreRequiredOnCreate() {
        assertThat(errorsOf(null, null)).containsExactly(
                new FieldError("name", "is required"), new FieldError("channels", "is required"));
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        assertThat(errorsOf("x".repeat(129), Arrays.asList("ok", null, "bad\u0000", ""))).containsExactly(
                new FieldError("name", "must be at most 128 characters"),
                new FieldError("channels[1]", "must be a string"),
                new FieldError("channels[2]", "must not contain control, format or unpaired surrogate characters"),
                new FieldError("channels[3]", "must not be empty"));
    }

    @Test
    void wildcardMustStandAlone() {
        assertThat(errorsOf("Ada", List.of("*", "lobby")))
                .containsExactly(new FieldError("channels", "\"*\" must be the only entry"));
    }

    @Test
    void channelListIsBounded() {
        assertThat(errorsOf("Ada", List.of())).extracting(FieldError::field).containsExactly("channels");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add("c" + i);
        }
        assertThat(errorsOf("Ada", many)).containsExactly(new FieldError("channels", "must have at most 1000 entries"));
        assertThat(TenantRules.forCreate("Ada", many.subList(0, 1000)).channels()).hasSize(1000);
    }

    @Test
    void onlyTheFirstTwentyBadChannelsAreReported() {
        assertThat(errorsOf("Ada", Collections.nCopies(50, ""))).hasSize(20);
    }
}
