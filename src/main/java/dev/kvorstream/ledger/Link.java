package dev.kvorstream.ledger;

/** A link from one decision to another by number. */
public record Link(LinkKind kind, int target) {}
