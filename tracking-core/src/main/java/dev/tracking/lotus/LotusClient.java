package dev.tracking.lotus;

/** Placeholder: the Lotus request/response client. */
public final class LotusClient {
}
