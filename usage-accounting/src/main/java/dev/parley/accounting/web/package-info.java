/**
 * This service's advice over platform's problem vocabulary ({@code dev.parley.platform.problem}): its security
 * problems and the kinds a bare status stands for here.
 */
package dev.parley.accounting.web;
