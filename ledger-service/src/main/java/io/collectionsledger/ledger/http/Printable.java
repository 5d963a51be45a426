package io.collectionsledger.ledger.http;

/**
 * Text a client puts where people and logs read it back (a token's subject, a query parameter):
 * nothing that hides what it says or that PostgreSQL cannot store. No control characters (tab and
 * newline included, and NUL above all), no zero-width or bidirectional formatting characters, no
 * byte-order mark, no broken surrogate pair, and no U+FFFD, which is what bytes that were not
 * UTF-8 decode to.
 */
public final class Printable {

    private Printable() {
    }

    public static boolean text(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || hidden(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hidden(char c) {
        return Character.isISOControl(c)
                || (c >= '\u200B' && c <= '\u200F')   // zero-width and directional marks
                || (c >= '\u202A' && c <= '\u202E')   // bidirectional embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069')   // bidirectional isolates
                || c == '\uFEFF' || c == '\uFFFD';
    }
}
