package io.hookgate.pull.wake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each tenant's share of the replica's waiters: bounded per tenant, independent across tenants, never leaking. */
class TenantWaitsTest {

    private final UUID tenantA = UUID.randomUUID();
    private final UUID tenantB = UUID.randomUUID();

    @Test
    void aTenantAtItsShareIsRefusedWhileAnotherTenantStillEnters() {
        TenantWaits waits = new TenantWaits(3);
        for (int i = 0; i < 3; i++) {
            assertThat(waits.tryEnter(tenantA)).isTrue();
        }

        assertThat(waits.tryEnter(tenantA)).isFalse();
        assertThat(waits.held(tenantA)).isEqualTo(3);
        assertThat(waits.tryEnter(tenantB)).isTrue();
        assertThat(waits.held(tenantB)).isEqualTo(1);
    }

    @Test
    void leavingGivesTheSlotBackAndATenantWithNoneLeftHasNoEntry() {
        TenantWaits waits = new TenantWaits(2);
        waits.tryEnter(tenantA);
        waits.tryEnter(tenantA);
        waits.leave(tenantA);

        assertThat(waits.tryEnter(tenantA)).isTrue();
        waits.leave(tenantA);
        waits.leave(tenantA);
        assertThat(waits.held(tenantA)).isZero();
        assertThat(waits.tenants()).isZero();
        waits.leave(tenantA); // one leave too many never goes below zero
        assertThat(waits.held(tenantA)).isZero();
    }

    @Test
    void concurrentEntersNeverExceedTheShareAndAllLeavesEndAtZero() throws Exception {
        TenantWaits waits = new TenantWaits(50);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> entered = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                entered.add(pool.submit(() -> {
                    start.await();
                    int mine = 0;
                    for (int i = 0; i < 100; i++) {
                        if (waits.tryEnter(tenantA)) {
                            mine++;
                        }
                    }
                    return mine;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : entered) {
                total += f.get(10, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(50);
            assertThat(waits.held(tenantA)).isEqualTo(50);
            for (int i = 0; i < total; i++) {
                waits.leave(tenantA);
            }
            assertThat(waits.tenants()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
