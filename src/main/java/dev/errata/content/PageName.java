package dev.errata.content;

/** Tag and component names, which are also the names of their pages. */
final class PageName {
  private PageName() {}

  /**
   * A tag or component name is the name of its page ({@code tags/<name>.html}): a name such as
   * {@code ../../../x} would write outside the site, and {@code index} over the list of all tags.
   */
  static void check(String name, String what, String ptr, Problems p) {
    if (!isPageName(name)) {
      String k = EntryMapper.kebab(name);
      p.error(ptr, what + " '" + name + "' cannot name a page: use letters, digits, '.', '_' and '-', starting with a letter or digit,"
          + " at most " + EntryLimits.MAX_NAME_CHARS + " characters", k.isEmpty() ? "choose another name" : "such as '" + k + "'");
    } else if (name.equalsIgnoreCase("index")) {
      p.error(ptr, what + " '" + name + "' would replace the page that lists all " + what + "s", "choose another name");
    }
  }

  /** {@code [A-Za-z0-9][A-Za-z0-9._-]*}, not longer than the limit. */
  static boolean isPageName(String s) {
    if (s.isEmpty() || s.length() > EntryLimits.MAX_NAME_CHARS || !Character.isLetterOrDigit(s.charAt(0)) || s.charAt(0) > 127) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
