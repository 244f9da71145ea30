package io.hookgate.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpireAfterParsingTest {

    @ParameterizedTest(name = "{0} -> {1} s, shown as {2}")
    @CsvSource({
        "1s, 1, 1s", "5m, 300, 5m", "300s, 300, 5m", "90s, 90, 1m30s", "1h30m, 5400, 1h30m", "2 h, 7200, 2h",
        "1d2h3m4s, 93784, 1d2h3m4s", "7d, 604800, 7d", "PT5M, 300, 5m", "pt1h30m, 5400, 1h30m", "P1DT2H, 93600, 1d2h",
        "' 5M ', 300, 5m",
    })
    void readsWhatAUserTypesAndShowsOneCanonicalForm(String text, long seconds, String shown) {
        assertThat(ExpireAfter.parse(text)).contains(Duration.ofSeconds(seconds));
        assertThat(ExpireAfter.format(Duration.ofSeconds(seconds))).isEqualTo(shown);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0s", "500ms", "7d1s", "8d", "-5m", "5", "5x", "m", "1.5h", "30m1h", "PT0.5S", "PT0S",
        "P8D", "five minutes", "99999999999999s"})
    void refusesWhatIsUnreadableFractionalOrOutsideOneSecondToSevenDays(String text) {
        assertThat(ExpireAfter.parse(text)).isEmpty();
    }
}
