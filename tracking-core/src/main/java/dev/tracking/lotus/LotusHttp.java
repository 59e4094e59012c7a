package dev.tracking.lotus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends requests to one Lotus server with its API key, JSON bodies and timeouts. */
final class LotusHttp {

    private static final Logger log = LoggerFactory.getLogger(LotusHttp.class);

    /** One HTTP answer. */
    record Response(int status, HttpHeaders headers, byte[] body) {

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient client;
    private final String apiKey;
    private final Duration requestTimeout;

    LotusHttp(LotusOptions options, Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.apiKey = options.apiKey();
        this.requestTimeout = requestTimeout;
        Set<String> hosts = new LinkedHashSet<>();
        for (URI url : new URI[] {options.baseUrl(), options.ingestUrl()}) {
            if ("http".equals(url.getScheme()) && !isLoopback(url.getHost()) && hosts.add(url.getHost())) {
                log.warn("Lotus is reached over plain http at {}: the API key travels unencrypted", url);
            }
        }
    }

    Response get(URI uri) throws IOException, InterruptedException {
        return send(request(uri).GET().build());
    }

    Response post(URI uri, byte[] body, int length) throws IOException, InterruptedException {
        return send(request(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body, 0, length))
                .build());
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("X-API-KEY", apiKey)
                .header("Accept", "application/json");
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response.statusCode(), response.headers(), response.body());
    }

    /** The wait a {@code Retry-After} header asks for (seconds or an HTTP date), or {@code null}. */
    static Duration retryAfter(HttpHeaders headers, Clock clock) {
        String value = headers.firstValue("Retry-After").map(String::trim).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.")
                || h.equals("[::1]") || h.equals("::1");
    }
}
