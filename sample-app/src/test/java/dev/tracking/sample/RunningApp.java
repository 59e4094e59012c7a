package dev.tracking.sample;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Starts the real app on a random port, on the embedded local backend with the plans of application.yml, and
 * hands each test a client for it. Each test class gets an app of its own, with a new in-memory database.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:${random.uuid};DB_CLOSE_DELAY=-1")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class RunningApp {

    static final String ALICE = "alice";
    static final String BOB = "bob";

    @LocalServerPort
    private int port;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    /** Where the running app serves its page and API, without a trailing slash. */
    String baseUrl() {
        return "http://localhost:" + port;
    }
}
