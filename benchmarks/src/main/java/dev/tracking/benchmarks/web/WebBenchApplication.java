package dev.tracking.benchmarks.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The end-to-end benchmark's web application: Spring MVC on Tomcat with the tracking starter on its local backend,
 * serving {@link ExportController} on a free loopback port, which it prints as {@value #PORT_ANNOUNCEMENT}.
 *
 * <p>Arguments: {@code --annotations=true|false} (whether the tracking annotations act), {@code --store=ID}
 * (a {@link WebStore}) and, for a database store, {@code --jdbc-url=URL}. It exits when its standard input closes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ExportController.class, BenchStateController.class})
public class WebBenchApplication {

    /** Printed with the port once the application serves requests. */
    public static final String PORT_ANNOUNCEMENT = "WEB_PORT ";

    public static void main(String[] args) {
        boolean annotations = true;
        WebStore store = WebStore.IN_MEMORY;
        String jdbcUrl = null;
        for (String arg : args) {
            if (arg.startsWith("--annotations=")) {
                annotations = Boolean.parseBoolean(arg.substring("--annotations=".length()));
            } else if (arg.startsWith("--store=")) {
                store = WebStore.of(arg.substring("--store=".length()));
            } else if (arg.startsWith("--jdbc-url=")) {
                jdbcUrl = arg.substring("--jdbc-url=".length());
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        ConfigurableApplicationContext context = start(store, jdbcUrl, annotations);
        exitWhenStdinCloses(context);
        System.out.println(PORT_ANNOUNCEMENT + port(context));
        System.out.flush();
    }

    /** Starts the application on the in-memory store on a free loopback port, the tracking annotations acting or not. */
    public static ConfigurableApplicationContext start(WebStore store, boolean annotations) {
        return start(store, null, annotations);
    }

    /**
     * Starts the application on {@code store} (a database store in the database at {@code jdbcUrl}) on a free
     * loopback port, the tracking annotations acting or not.
     */
    public static ConfigurableApplicationContext start(WebStore store, String jdbcUrl, boolean annotations) {
        Map<String, Object> properties = new LinkedHashMap<>(store.properties(jdbcUrl));
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", 0);
        properties.put("server.tomcat.max-keep-alive-requests", -1);
        properties.put("tracking.aspects.enabled", annotations);
        return new SpringApplicationBuilder(WebBenchApplication.class).web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).properties(properties).run();
    }

    /** The port a started application listens on. */
    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static void exitWhenStdinCloses(ConfigurableApplicationContext context) {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    continue;
                }
            } catch (IOException e) {
                System.err.println("web app: standard input failed: " + e);
            }
            context.close();
            System.exit(0);
        }, "web-stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
