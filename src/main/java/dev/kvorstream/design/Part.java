package dev.kvorstream.design;

/** One sub-concern of a split design, with its own answers, description and NATS settings. */
public record Part(String name, String context, Concern concern, NatsBlock nats) {}
