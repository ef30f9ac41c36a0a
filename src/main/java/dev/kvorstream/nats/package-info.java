/**
 * NATS: the settings of each decision's bucket or stream (the records are in {@code model}) (defaults from the design, checked
 * against the rules the server enforces), and applying them to a live server or auditing
 * one against them with jnats. The ADR's CLI lines and jnats snippet are rendered from the
 * same specs, so they cannot disagree.
 */
package dev.kvorstream.nats;
