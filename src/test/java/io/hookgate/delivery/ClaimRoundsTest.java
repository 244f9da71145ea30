package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** When a claim round runs: freed slots claim only while rows are likely due, and never pile up behind a claim. */
class ClaimRoundsTest {

    private static final boolean REASON = true;
    private static final boolean SLOT_FREED = false;

    @Test
    void slotsFreedWhileAClaimRunsBuyNoRoundOnceItComesBackShort() {
        ClaimRounds rounds = new ClaimRounds();
        assertThat(rounds.begin(REASON)).isTrue();

        assertThat(rounds.begin(SLOT_FREED)).as("a claim is running").isFalse();
        assertThat(rounds.begin(SLOT_FREED)).isFalse();

        assertThat(rounds.claimed(0, 256, 0)).as("its empty answer says nothing more is due").isFalse();
        assertThat(rounds.begin(SLOT_FREED)).as("nor for a slot freed after it").isFalse();
        assertThat(rounds.dueRowsLikely()).isFalse();
    }

    @Test
    void lanesThatThrowOnTheClaimedRowsStillEndTheRoundSoTheNextPollClaims() {
        ClaimRounds rounds = new ClaimRounds();
        rounds.begin(REASON);

        assertThatThrownBy(() -> rounds.settle(5, 256, () -> {
            throw new IllegalStateException("a lane bug");
        })).hasMessage("a lane bug");

        assertThat(rounds.begin(REASON)).as("the poll's round is not held back by the one that threw").isTrue();
    }

    @Test
    void settlingAnswersAsTheClaimWithWhatTheLanesTurnedDown() {
        ClaimRounds rounds = new ClaimRounds();
        rounds.begin(REASON);

        assertThat(rounds.settle(40, 256, () -> 5)).isFalse();

        assertThat(rounds.begin(SLOT_FREED)).as("the rows turned down are still due").isTrue();
    }

    @Test
    void aReasonThatCameWhileAClaimRanRunsAnotherRoundEvenAfterAShortAnswer() {
        ClaimRounds rounds = new ClaimRounds();
        rounds.begin(REASON);

        assertThat(rounds.begin(REASON)).as("a lane the claim skipped can start again").isFalse();

        assertThat(rounds.claimed(3, 256, 0)).isTrue();
        assertThat(rounds.begin(REASON)).isTrue();
    }

    @Test
    void aFullClaimRunsAnotherAtOnce() {
        ClaimRounds rounds = new ClaimRounds();
        rounds.begin(REASON);

        assertThat(rounds.claimed(256, 256, 0)).isTrue();
        assertThat(rounds.begin(REASON)).isTrue();
    }

    @Test
    void rowsTurnedDownKeepFreedSlotsClaiming() {
        ClaimRounds rounds = new ClaimRounds();
        rounds.begin(REASON);

        assertThat(rounds.claimed(40, 256, 5)).isFalse();

        assertThat(rounds.begin(SLOT_FREED)).as("the rows turned down are still due").isTrue();
    }

    @Test
    void aReasonClaimsAgainAfterAShortAnswerAndAFailedRoundKeepsWhatCameMeanwhile() {
        ClaimRounds rounds = new ClaimRounds();
        rounds.begin(REASON);
        rounds.claimed(0, 256, 0);

        assertThat(rounds.begin(REASON)).as("a poll, or fresh rows left to the store").isTrue();
        assertThat(rounds.begin(REASON)).isFalse();
        assertThat(rounds.ended()).as("the claim failed; the reason that came meanwhile still counts").isTrue();
        assertThat(rounds.begin(SLOT_FREED)).as("a reason makes rows likely due again").isTrue();
        assertThat(rounds.ended()).isFalse();
    }
}
