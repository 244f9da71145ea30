package io.hookgate.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Status and format are enums in the model, stored and shown as the same lower-case words as before. */
class SubscriptionEnumsTest {

    @ParameterizedTest
    @CsvSource({"active, ACTIVE", "disabled, DISABLED"})
    void statusIsStoredAsItsApiWord(String word, SubscriptionStatus status) {
        SubscriptionStatus.Column column = new SubscriptionStatus.Column();

        assertThat(column.convertToDatabaseColumn(status)).isEqualTo(word);
        assertThat(column.convertToEntityAttribute(word)).isEqualTo(status);
        assertThat(SubscriptionStatus.of(word)).contains(status);
    }

    @ParameterizedTest
    @CsvSource({"standard, STANDARD", "eventyay, EVENTYAY"})
    void formatIsStoredAsItsApiWord(String word, SubscriptionFormat format) {
        SubscriptionFormat.Column column = new SubscriptionFormat.Column();

        assertThat(column.convertToDatabaseColumn(format)).isEqualTo(word);
        assertThat(column.convertToEntityAttribute(word)).isEqualTo(format);
        assertThat(SubscriptionFormat.of(word)).contains(format);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Active", "ACTIVE", "paused", ""})
    void anUnknownStatusWordIsNoStatus(String word) {
        assertThat(SubscriptionStatus.of(word)).isEmpty();
        assertThatThrownBy(() -> new SubscriptionStatus.Column().convertToEntityAttribute(word))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Standard", "json", ""})
    void anUnknownFormatWordIsNoFormat(String word) {
        assertThat(SubscriptionFormat.of(word)).isEmpty();
    }
}
