package dev.parley.worker.provider;

/** The stable {@code errorCode} values of {@code ChatFailed}; clients may branch on them. */
public final class ErrorCodes {

    public static final String INVALID_REQUEST = "invalid_request";
    /** The request's own provider key could not be opened; no provider was called. */
    public static final String CREDENTIAL_INVALID = "credential_invalid";
    /** The request waited so long for a worker that its reservation would lapse before it could finish. */
    public static final String RESERVATION_EXPIRED = "reservation_expired";
    public static final String UNKNOWN_PROVIDER = "unknown_provider";
    public static final String PROVIDER_NOT_CONFIGURED = "provider_not_configured";
    public static final String PROVIDER_ERROR = "provider_error";
    public static final String PROVIDER_RATE_LIMITED = "provider_rate_limited";
    public static final String PROVIDER_UNAVAILABLE = "provider_unavailable";
    public static final String PROVIDER_REJECTED = "provider_rejected";
    public static final String PROVIDER_TIMEOUT = "provider_timeout";
    /** The provider's concurrency or rate limit kept the request queued longer than allowed. */
    public static final String PROVIDER_BUSY = "provider_busy";
    public static final String PROVIDER_BAD_RESPONSE = "provider_bad_response";
    /**
     * A catalog provider's address is internal (loopback, private, link-local, metadata, ...) and not allowed by
     * {@code parley.outbound.allowed-networks}; nothing was sent. Permanent: neither retried nor fallen back from.
     */
    public static final String PROVIDER_ADDRESS_REFUSED = "provider_address_refused";
    public static final String INTERNAL_ERROR = "internal_error";

    private ErrorCodes() {
    }
}
