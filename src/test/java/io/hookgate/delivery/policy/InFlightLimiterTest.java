package io.hookgate.delivery.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class InFlightLimiterTest {

    private final UUID tenant = UUID.randomUUID();
    private final UUID otherTenant = UUID.randomUUID();

    @Test
    void perHostCapRefusesTheNextRequestToThatHostOnly() {
        InFlightLimiter limiter = new InFlightLimiter(new InFlightLimiter.Caps(4, 100, 100));
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.canStart("slow:443", tenant)).isTrue();
            limiter.started("slow:443", tenant);
        }
        assertThat(limiter.canStart("slow:443", tenant)).isFalse();
        assertThat(limiter.canStart("slow:443", otherTenant)).as("whoever asks").isFalse();
        assertThat(limiter.canStart("healthy:443", tenant)).as("other hosts are unaffected").isTrue();
        assertThat(limiter.inFlight("slow:443")).isEqualTo(4);
        assertThat(limiter.inFlight()).isEqualTo(4);
    }

    @Test
    void perTenantShareRefusesThatTenantOnAnyHost() {
        InFlightLimiter limiter = new InFlightLimiter(new InFlightLimiter.Caps(100, 3, 100));
        for (int i = 0; i < 3; i++) {
            limiter.started("h" + i + ":443", tenant);
        }
        assertThat(limiter.canStart("fresh:443", tenant)).isFalse();
        assertThat(limiter.canStart("fresh:443", otherTenant)).as("another tenant still starts").isTrue();
        assertThat(limiter.canStart("fresh:443", null)).as("host and global alone allow it").isTrue();
        assertThat(limiter.inFlight(tenant)).isEqualTo(3);
    }

    @Test
    void globalCapRefusesEvenHostsAndTenantsWithNothingInFlight() {
        InFlightLimiter limiter = new InFlightLimiter(new InFlightLimiter.Caps(2, 2, 3));
        limiter.started("a:443", tenant);
        limiter.started("a:443", tenant);
        limiter.started("b:443", otherTenant);
        assertThat(limiter.available()).isZero();
        assertThat(limiter.canStart("c:443", UUID.randomUUID())).isFalse();
        limiter.finished("a:443", tenant);
        assertThat(limiter.canStart("c:443", UUID.randomUUID())).isTrue();
    }

    @Test
    void queuedRowsAreBoundedLikeInFlightOnesButLeaveTheRoomToInFlight() {
        InFlightLimiter limiter = new InFlightLimiter(new InFlightLimiter.Caps(2, 3, 4));
        limiter.queued("a:443", tenant, 1);
        limiter.queued("a:443", tenant, 1);
        assertThat(limiter.canQueue("a:443", otherTenant)).as("host queue full").isFalse();
        limiter.queued("b:443", tenant, 1);
        assertThat(limiter.canQueue("c:443", tenant)).as("tenant queue full").isFalse();
        assertThat(limiter.canQueue("c:443", otherTenant)).isTrue();
        assertThat(limiter.room()).as("global 4, nothing in flight").isEqualTo(4);
        limiter.started("c:443", otherTenant);
        assertThat(limiter.room()).isEqualTo(3);
        limiter.queued("c:443", otherTenant, 1);
        assertThat(limiter.canQueue("d:443", UUID.randomUUID())).as("global queue full").isFalse();
        assertThat(limiter.room()).isEqualTo(3);
    }

    @Test
    void aQueueFactorLetsRowsWaitBeyondTheInFlightCapsAndFullMeansTheWholeQueue() {
        InFlightLimiter limiter = new InFlightLimiter(new InFlightLimiter.Caps(2, 100, 100, 4));
        limiter.started("a:443", tenant);
        limiter.started("a:443", tenant);
        for (int i = 0; i < 7; i++) {
            limiter.queued("a:443", tenant, 1);
        }
        assertThat(limiter.canQueue("a:443", tenant)).as("8th queued row of a host capped at 2").isTrue();
        assertThat(limiter.hostFull("a:443")).isFalse();
        limiter.queued("a:443", tenant, 1);
        assertThat(limiter.canQueue("a:443", tenant)).isFalse();
        assertThat(limiter.hostFull("a:443")).isTrue();
    }

    @Test
    void queuedPayloadIsBoundedInCharactersOvershootingByAtMostOneRow() {
        InFlightLimiter limiter = new InFlightLimiter(new InFlightLimiter.Caps(64, 256, 512, 4));
        long budget = InFlightLimiter.MAX_QUEUED_CHARS;
        limiter.queued("a:443", tenant, budget - 1);
        assertThat(limiter.canQueue("b:443", otherTenant)).as("below the budget, a row of any size").isTrue();
        limiter.queued("b:443", otherTenant, 1_048_576);
        assertThat(limiter.canQueue("c:443", UUID.randomUUID())).as("at the budget, whoever asks").isFalse();
        limiter.dequeued("b:443", otherTenant, 1_048_576);
        assertThat(limiter.canQueue("c:443", UUID.randomUUID())).isTrue();
    }

    @Test
    void hostsAndTenantsAreFullOnlyWhenTheyCanNeitherStartNorQueue() {
        InFlightLimiter limiter = new InFlightLimiter(new InFlightLimiter.Caps(1, 1, 10));
        limiter.started("a:443", tenant);
        assertThat(limiter.hostFull("a:443")).isFalse();
        assertThat(limiter.fullTenants()).isEmpty();
        limiter.queued("a:443", tenant, 1);
        assertThat(limiter.hostFull("a:443")).isTrue();
        assertThat(limiter.fullTenants()).containsExactly(tenant);
        limiter.dequeued("a:443", tenant, 1);
        assertThat(limiter.hostFull("a:443")).isFalse();
        assertThat(limiter.fullTenants()).isEmpty();
    }

    @Test
    void countsAreForgottenAtZeroSoMemoryTracksOnlyWork() {
        InFlightLimiter limiter = new InFlightLimiter(new InFlightLimiter.Caps(1, 1, 10));
        limiter.started("a:443", tenant);
        limiter.queued("b:443", otherTenant, 1);
        assertThat(limiter.tracked()).isEqualTo(4);
        limiter.finished("a:443", tenant);
        limiter.dequeued("b:443", otherTenant, 1);
        assertThat(limiter.tracked()).isZero();
        assertThat(limiter.inFlight()).isZero();
        assertThat(limiter.queued()).isZero();
    }

    @Test
    void releasingMoreThanWasTakenIsABug() {
        InFlightLimiter limiter = new InFlightLimiter(new InFlightLimiter.Caps(1, 1, 10));
        assertThatThrownBy(() -> limiter.finished("a:443", tenant)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void invalidCapsAreRejected() {
        assertThatThrownBy(() -> new InFlightLimiter.Caps(0, 10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InFlightLimiter.Caps(10, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InFlightLimiter.Caps(11, 10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InFlightLimiter.Caps(10, 11, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTopUpMayFillHalfOfWhatIsStillFreeUnderEveryQueueBoundItTouches() {
        // caps 8 per host, 6 per tenant, 20 in all, queue factor 2: queue bounds 16, 12 and 40
        InFlightLimiter limiter = new InFlightLimiter(new InFlightLimiter.Caps(8, 6, 20, 2));
        record Case(String host, int hostQueued, int tenantQueued, int otherQueued, int room) {
        }
        for (Case c : java.util.List.of(
                new Case("a:443", 0, 0, 0, 6), // the tenant's 12 free bind
                new Case("a:443", 3, 3, 0, 4),
                new Case("a:443", 6, 6, 0, 3),
                new Case("a:443", 11, 11, 0, 0), // one row free: it stays for another lane
                new Case("b:443", 0, 0, 30, 5), // the global bound: 40 less the 30 queued elsewhere
                // another tenant's lanes hold half the global bound: an absolute half left this lane nothing
                new Case("b:443", 0, 0, 20, 6),
                new Case("a:443", 8, 0, 0, 4))) { // the host's (queued by another tenant)
            InFlightLimiter l = new InFlightLimiter(new InFlightLimiter.Caps(8, 6, 20, 2));
            for (int i = 0; i < c.hostQueued(); i++) {
                l.queued(c.host(), i < c.tenantQueued() ? tenant : otherTenant, 1);
            }
            for (int i = 0; i < c.otherQueued(); i++) {
                l.queued("elsewhere" + i + ":443", UUID.randomUUID(), 1);
            }
            assertThat(l.topUpRoom(c.host(), java.util.Set.of(tenant))).as(c.toString()).isEqualTo(c.room());
        }
        assertThat(limiter.topUpRoom("a:443", java.util.Set.of())).as("no tenant: half the host's").isEqualTo(8);
    }
}
