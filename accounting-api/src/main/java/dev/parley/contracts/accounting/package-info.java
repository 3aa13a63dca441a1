/**
 * usage-accounting's internal HTTP API as its callers see it: {@link dev.parley.contracts.accounting.InternalAccountingApi}
 * (a Spring HTTP interface; api-ingress backs it with its bounded RestClient) and the request and response records of
 * every endpoint in it. usage-accounting's controllers take and answer the same records, and its
 * {@code InternalAccountingApiIT} calls every method of the interface against the running service, so the two sides
 * cannot drift apart. Failures are RFC 9457 problems of platform's vocabulary ({@code dev.parley.platform.problem}).
 */
package dev.parley.contracts.accounting;
