package dev.kvorstream.model;

import dev.kvorstream.problem.Position;

/** A reference to another decision by number, with where it was written. */
public record Ref(int number, Position at) {}
