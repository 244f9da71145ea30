package io.hookgate.reliability;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.SoftAssertions;

/** Checks a scenario's figures, writes them to the report whether they pass or not, then fails if not. */
public final class Verdict {

    private Verdict() {
    }

    /** lost 0 and invalid signatures 0 always hold; {@code checks} adds the scenario's own bounds. */
    public static void record(Figures figures, Consumer<SoftAssertions> checks) throws IOException {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(figures.lost()).as("lost").isZero();
        soft.assertThat(figures.invalidSignatures()).as("invalid signatures").isZero();
        soft.assertThat(figures.verified()).as("signatures verified").isEqualTo(figures.received());
        checks.accept(soft);
        List<String> failures = soft.errorsCollected().stream().map(e -> e.getMessage().strip()).toList();
        Figures recorded = failures.isEmpty() ? figures : figures.with("failures", failures);
        System.out.println("reliability: " + recorded);
        ReliabilityReport.append(recorded, failures.isEmpty());
        soft.assertAll();
    }
}
