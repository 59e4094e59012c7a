package dev.tracking.benchmarks.spring;

import io.micrometer.core.aop.CountedAspect;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.tracking.benchmarks.web.WebStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A minimal Spring Boot application with the tracking starter, a Micrometer registry with {@link CountedAspect},
 * and the beans whose annotated methods the benchmarks call.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BenchApplication {

    /**
     * Starts the application without a web server, with {@code properties} on top of the defaults. Without
     * {@code spring.datasource.url} it has no {@code DataSource} (H2 is on the benchmarks' class path, and Spring
     * Boot would otherwise start an embedded database), so the local backend keeps its state in memory.
     */
    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return start(BenchApplication.class, properties);
    }

    /** Starts {@code application} as {@link #start(Map)} does. */
    static ConfigurableApplicationContext start(Class<?> application, Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        if (!all.containsKey("spring.datasource.url")) {
            all.put("spring.autoconfigure.exclude", WebStore.DATA_SOURCE_AUTO_CONFIGURATION);
        }
        return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).properties(all).run();
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    CountedAspect countedAspect(MeterRegistry registry) {
        return new CountedAspect(registry);
    }

    @Bean
    ExportService exportService() {
        return new ExportService();
    }

    @Bean
    GatedService gatedService() {
        return new GatedService();
    }
}
