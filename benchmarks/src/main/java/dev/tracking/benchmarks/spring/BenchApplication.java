package dev.tracking.benchmarks.spring;

import io.micrometer.core.aop.CountedAspect;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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

    /** Starts the application without a web server, with {@code properties} on top of the defaults. */
    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(BenchApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).properties(properties).run();
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
