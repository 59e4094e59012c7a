package dev.tracking.outlit;

/**
 * Which Outlit ingest contract to speak.
 *
 * <p>{@link #CURRENT} is the contract of Outlit 2.0 and later (checked against @outlit/node 3.0.0), which takes
 * only {@code pageview}, {@code form}, {@code identify}, {@code custom}, {@code calendar} and {@code engagement}
 * events: user stages and billing statuses go as {@code custom} events named {@code user_activated},
 * {@code user_engaged}, {@code user_inactive}, {@code customer_trialing}, {@code customer_paid} and
 * {@code customer_churned}. {@link #LEGACY_V1} is for servers of the 1.x era, which still take Outlit's own
 * {@code stage} and {@code billing} events; today's servers reject those.
 */
public enum OutlitProtocol {

    /** Outlit 2.0 and later: lifecycle moments as {@code custom} events; traits hold only scalar values. */
    CURRENT,

    /** Outlit 1.x servers: lifecycle moments as {@code stage}/{@code billing} events, each in requests of their own. */
    LEGACY_V1
}
