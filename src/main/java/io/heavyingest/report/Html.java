package io.heavyingest.report;

/** Text escaping for HTML element content and quoted attribute values. */
final class Html {
    private Html() {
    }

    /**
     * Escapes {@code & < > " '} and replaces control characters other than tab, line feed and carriage return
     * with U+FFFD, so data text can never open markup, close an attribute or smuggle invisible bytes in.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> {
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c < 0xa0)) {
                        s.append('\uFFFD');
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}
