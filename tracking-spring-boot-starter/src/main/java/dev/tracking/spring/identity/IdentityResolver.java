package dev.tracking.spring.identity;

import dev.tracking.Identity;

/**
 * Tells the tracking annotations who the current caller is, when an annotation does not say it with its own
 * attributes. Define one bean; it is asked on the thread of the annotated call.
 *
 * <p>Read the identity from something the application has already authenticated, such as Spring Security's
 * {@code SecurityContextHolder}. Never trust an unauthenticated request header or parameter (an
 * {@code X-Customer-Id} a client can set): a gate would then check whatever customer the client names.
 */
@FunctionalInterface
public interface IdentityResolver {

    /** The current caller's identity; {@link Identity#empty()} (or {@code null}) when there is none. */
    Identity resolve();
}
