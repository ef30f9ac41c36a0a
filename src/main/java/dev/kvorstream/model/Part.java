package dev.kvorstream.model;

/** One sub-concern of a split design, with its own answers, description and NATS settings. */
public record Part(String name, String context, Concern concern, NatsBlock nats) {}
