package dev.tracking.http;

/**
 * How a sender treats an HTTP status: success, worth retrying (408, 429, 5xx), or permanent (other 4xx and
 * anything unexpected).
 */
public enum HttpStatusClass {
    SUCCESS, RETRYABLE, PERMANENT;

    /** The class of {@code status}. */
    public static HttpStatusClass of(int status) {
        if (status >= 200 && status < 300) {
            return SUCCESS;
        }
        if (status == 408 || status == 429 || status >= 500 && status < 600) {
            return RETRYABLE;
        }
        return PERMANENT;
    }

    /** Whether {@code status} means the server refused the credentials (401 or 403). */
    public static boolean isCredentialsRejected(int status) {
        return status == 401 || status == 403;
    }
}
