/**
 * The shared vocabulary every stage speaks: the four questions and their answers, the
 * primitives and verdicts, where an answer came from, the statuses, the design records
 * (design, concern, part, flow, the {@code nats:} block, references, file names), the NATS
 * settings of a bucket or stream, the marker a generated file carries, and the files a render
 * hands to the writer. It depends on nothing but {@code problem}; the stages (load, decide,
 * NATS settings, number and link, render, write) depend on it and never on a later stage, as
 * {@code ArchitectureTest} checks.
 */
package dev.kvorstream.model;
