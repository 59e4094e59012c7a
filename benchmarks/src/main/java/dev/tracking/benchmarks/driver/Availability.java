package dev.tracking.benchmarks.driver;

import dev.tracking.DeliveryOptions;
import dev.tracking.benchmarks.clients.BenchClient;
import dev.tracking.benchmarks.clients.BenchClients;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which of our clients this build can create: each is built once against the sink and closed at once. */
final class Availability {

    private Availability() {
    }

    /** Our clients that cannot be built, with the reason; the others are left out of the map. */
    static Map<String, String> unavailable(List<String> ours, URI sink) {
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (String name : ours) {
            try (BenchClient client = BenchClients.create(name, sink, DeliveryOptions.defaults())) {
                client.flush();
            } catch (RuntimeException | LinkageError e) {
                unavailable.put(name, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return unavailable;
    }
}
