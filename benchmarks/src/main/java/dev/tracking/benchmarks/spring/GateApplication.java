package dev.tracking.benchmarks.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application with the tracking starter on its local backend and {@link MeteredExportService}:
 * plan {@value #PLAN} grants {@value MeteredExportService#FEATURE} and a monthly limit no run reaches, plan
 * {@value #CAPPED_PLAN} a limit of {@value #CAPPED_LIMIT}, which the exactness check exhausts.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class GateApplication {

    /** The plan of the measured customers. */
    public static final String PLAN = "team";

    /** The plan whose limit the exactness check runs into. */
    public static final String CAPPED_PLAN = "capped";

    /** The monthly limit of {@value #CAPPED_PLAN}. */
    public static final long CAPPED_LIMIT = 100;

    /** The customer on {@value #CAPPED_PLAN}. */
    public static final String CAPPED_CUSTOMER = "customer-capped";

    /**
     * Starts the application without a web server. With {@code jdbcUrl} (user {@code postgres}, no password) the
     * local backend keeps its state in that database (tables created at startup), else in memory.
     *
     * @param customers how many customers on {@value #PLAN} ({@link #customerId(int)})
     */
    public static ConfigurableApplicationContext start(String jdbcUrl, int customers) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (jdbcUrl != null) {
            properties.put("spring.datasource.url", jdbcUrl);
            properties.put("spring.datasource.username", "postgres");
            properties.put("tracking.local.store", "jdbc");
            properties.put("tracking.local.jdbc.initialize-schema", "always");
        }
        properties.put("tracking.local.plans." + PLAN + ".features", MeteredExportService.FEATURE);
        properties.put("tracking.local.plans." + PLAN + ".limits." + MeteredExportService.EVENT, Long.MAX_VALUE / 4);
        properties.put("tracking.local.plans." + CAPPED_PLAN + ".limits." + MeteredExportService.EVENT, CAPPED_LIMIT);
        for (int i = 0; i < customers; i++) {
            customer(properties, customerId(i), PLAN);
        }
        customer(properties, CAPPED_CUSTOMER, CAPPED_PLAN);
        return BenchApplication.start(GateApplication.class, properties);
    }

    /** The id of customer number {@code index} on {@value #PLAN}. */
    public static String customerId(int index) {
        return "customer-" + index;
    }

    private static void customer(Map<String, Object> properties, String id, String plan) {
        properties.put("tracking.local.customers." + id + ".name", "Customer " + id);
        properties.put("tracking.local.customers." + id + ".email", id + "@bench.example");
        properties.put("tracking.local.customers." + id + ".plan", plan);
    }

    @Bean
    MeteredExportService meteredExportService() {
        return new MeteredExportService();
    }
}
