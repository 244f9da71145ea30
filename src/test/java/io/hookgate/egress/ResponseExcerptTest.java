package io.hookgate.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseExcerptTest {

    @Test
    void plainTextIsKeptAndLineBreaksBecomeSpaces() {
        assertThat(ResponseExcerpt.of("ok\r\n\tdone".getBytes(StandardCharsets.UTF_8))).isEqualTo("ok   done");
    }

    @Test
    void controlAndBidiCharactersAreReplaced() {
        String text = "a\u0000b\u001bc\u202ed\u007f";

        assertThat(ResponseExcerpt.of(text.getBytes(StandardCharsets.UTF_8))).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFD");
    }

    @Test
    void malformedUtf8IsReplaced() {
        byte[] body = {'o', 'k', (byte) 0xC3, (byte) 0x28, (byte) 0xFF};

        assertThat(ResponseExcerpt.of(body)).isEqualTo("ok\uFFFD(\uFFFD");
    }

    @Test
    void excerptIsAtMostOneKibibyteOfUtf8WithoutSplittingCharacters() {
        String excerpt = ResponseExcerpt.of("é".repeat(5000).getBytes(StandardCharsets.UTF_8));

        assertThat(excerpt.getBytes(StandardCharsets.UTF_8)).hasSize(1024);
        assertThat(excerpt).matches("é+");
        assertThat(ResponseExcerpt.of("x".repeat(4000).getBytes(StandardCharsets.UTF_8))).hasSize(1024);
        assertThat(ResponseExcerpt.of("€".repeat(400).getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8))
                .hasSize(1023);
    }

    @Test
    void emptyOrMissingBodyGivesEmptyText() {
        assertThat(ResponseExcerpt.of(new byte[0])).isEmpty();
        assertThat(ResponseExcerpt.of(null)).isEmpty();
    }
}
