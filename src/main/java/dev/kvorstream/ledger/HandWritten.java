package dev.kvorstream.ledger;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ADR written by hand (as adr-tools writes them): its number from the file name, its
 * title from the first heading, its status from the first line under {@code ## Status}, its
 * date from a {@code Date:} line. Never written to.
 */
public record HandWritten(int number, String fileName, String title, String status, String date) {

  private static final Pattern HEADING = Pattern.compile("#\\s+(?:(\\d+)\\.\\s+)?(.+?)\\s*#*\\s*");
  private static final Pattern DATE = Pattern.compile("(?i)date:\\s*(\\S+)\\s*");

  /** Reads what adr-tools' readers read; missing parts become empty strings. */
  public static HandWritten parse(int number, String fileName, String text) {
    String title = "";
    String status = "";
    String date = "";
    String[] lines = text.split("\\R", -1);
    boolean inStatus = false;
    for (String raw : lines) {
      String line = raw.strip();
      if (title.isEmpty() && line.startsWith("# ")) {
        Matcher m = HEADING.matcher(line);
        if (m.matches()) {
          title = m.group(2);
        }
        continue;
      }
      if (line.startsWith("## ")) {
        inStatus = line.substring(3).strip().equalsIgnoreCase("status");
        continue;
      }
      if (inStatus && !line.isEmpty() && status.isEmpty()) {
        status = line.split("\\s+")[0].replaceAll("[^A-Za-z-]", "");
        inStatus = false;
      }
      Matcher d = DATE.matcher(line);
      if (date.isEmpty() && d.matches()) {
        date = d.group(1);
      }
    }
    if (title.isEmpty()) {
      title = fileName;
    }
    return new HandWritten(number, fileName, title, status, date);
  }
}
