package dev.tracking.benchmarks.spring;

import dev.tracking.annotation.GateOnFeature;

/** A method that runs only for customers whose plan includes the {@code sso} feature. */
public class GatedService {

    @GateOnFeature(feature = "sso", customerId = "#customerId")
    public int openSettings(String customerId) {
        return customerId.length();
    }
}
