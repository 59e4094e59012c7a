package dev.tracking.spring.aop;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/** Logs a problem at WARN the first time it happens for a key, and at DEBUG after that. */
final class OnceLogger {

    private static final int MAX_KEYS = 10_000;

    private final Logger log;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    OnceLogger(Logger log) {
        this.log = log;
    }

    void log(String key, String message, Throwable cause) {
        if (seen.size() < MAX_KEYS && seen.add(key)) {
            log.warn("{} (logged once; further occurrences at DEBUG)", message, cause);
        }
        else if (log.isDebugEnabled()) {
            log.debug(message, cause);
        }
    }
}
