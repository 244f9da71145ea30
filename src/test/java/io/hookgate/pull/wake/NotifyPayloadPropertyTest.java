package io.hookgate.pull.wake;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Adversarial payloads on hookgate_pull: whatever anyone NOTIFYs, the parser answers and never throws. */
class NotifyPayloadPropertyTest {

    @Property(tries = 2000)
    void noPayloadMakesTheParserThrow(@ForAll String payload) {
        assertThat(NotifyPayload.parse(payload)).isNotNull();
    }
}
