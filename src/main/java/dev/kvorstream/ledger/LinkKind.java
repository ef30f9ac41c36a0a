package dev.kvorstream.ledger;

/** How one decision refers to another, both directions. */
public enum LinkKind {
  SUPERSEDES("supersedes"),
  SUPERSEDED_BY("superseded-by"),
  AMENDS("amends"),
  AMENDED_BY("amended-by"),
  RELATED("related");

  private final String id;

  LinkKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
