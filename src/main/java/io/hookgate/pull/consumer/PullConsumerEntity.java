package io.hookgate.pull.consumer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code pull_consumers} (Flyway owns the table): a named client's committed cursor. */
@Entity
@Table(name = "pull_consumers")
@IdClass(PullConsumerEntity.Key.class)
public class PullConsumerEntity {

    @Id
    @Column(name = "subscription_id")
    private UUID subscriptionId;
    @Id
    private String name;
    @Column(nullable = false)
    private String cursor;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PullConsumerEntity() {
        // for Hibernate
    }

    public String name() {
        return name;
    }

    public String cursor() {
        return cursor;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The composite primary key. */
    public record Key(UUID subscriptionId, String name) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
