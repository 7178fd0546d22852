package vn.lhpn.kehoach.common;

/**
 * A file's content that cannot be read as a table (a code typed as a number), said by a message of
 * the catalog; the callers that turn a reader's failure into a 400 or 422 take its message, and the
 * reader's own words (a CSV or date parser's) for any other failure.
 */
public class Unreadable extends IllegalArgumentException {
  private final transient Message said;

  public Unreadable(Message said) {
    super(said.inBoth());
    this.said = said;
  }

  public Message said() {
    return said;
  }

  /** Why a file could not be read: the message of an {@link Unreadable}, or the parser's words. */
  public static Message why(RuntimeException e) {
    return e instanceof Unreadable u
        ? u.said()
        : Message.of("said", "text", String.valueOf(e.getMessage()));
  }
}
