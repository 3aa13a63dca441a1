/**
 * This service's HTTP error vocabulary: RFC 9457 problem types and the advice that renders them.
 */
package dev.parley.accounting.web;
