package dev.tracking.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Drives the running app over real HTTP, as a given user (the demo users' password is their name) or anonymously. */
final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    ApiClient(int port) {
        this.base = URI.create("http://localhost:" + port);
    }

    /** GET {@code path} as {@code user}. */
    ApiResponse get(String user, String path) {
        return send(request(path).GET(), user, user);
    }

    /** POST {@code json} (may be {@code null} for no body) to {@code path} as {@code user}. */
    ApiResponse post(String user, String path, String json) {
        return send(withBody(request(path), json), user, user);
    }

    /** GET {@code path} with no credentials. */
    ApiResponse getAnonymously(String path) {
        return send(request(path).GET(), null, null);
    }

    /** POST {@code json} to {@code path} as {@code user} with {@code password}. */
    ApiResponse post(String user, String password, String path, String json) {
        return send(withBody(request(path), json), user, password);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder request, String json) {
        if (json == null) {
            return request.POST(HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private ApiResponse send(HttpRequest.Builder request, String user, String password) {
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
