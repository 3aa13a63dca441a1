/**
 * The AES-GCM key rings that seal stored provider keys (the catalog's and users' own), with key rotation.
 */
package dev.parley.ingress.keyring;
