package dev.kvorstream.design;

/** One sub-concern of a split design, with its own answers and optional description. */
public record Part(String name, String context, Concern concern) {}
