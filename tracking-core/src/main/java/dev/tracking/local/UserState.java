package dev.tracking.local;

/**
 * The latest identify and stage change of one user, as an immutable snapshot.
 *
 * @param userKey the user's id, else email, else fingerprint
 * @param latestIdentify the latest identify, or {@code null}
 * @param latestActivation the latest stage change ({@code name} is the stage), or {@code null}
 */
public record UserState(String userKey, RecordedEvent latestIdentify, RecordedEvent latestActivation) {
}
