package dev.tracking.sample.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A request to move the customer to a plan.
 *
 * @param plan the plan id, e.g. {@code pro}
 */
public record UpgradeRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "must be a plan id") String plan) {
}
