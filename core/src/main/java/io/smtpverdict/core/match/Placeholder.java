package io.smtpverdict.core.match;

import java.util.Arrays;
import java.util.Optional;

/**
 * A placeholder of a vendor template ({@code {HOSTNAME}}, {@code {MESSAGE}}, ...): which characters it may
 * cover, how far it reaches, and how its bound value is cleaned up. Templates and the binding of values both
 * ask the placeholder, so its meaning is written once.
 */
public enum Placeholder {
    /** A host name: letters, digits, dots, hyphens, underscores. */
    HOSTNAME(Extent.CLASS),
    /** A domain name: a host name with at least one dot. */
    DOMAIN(Extent.CLASS),
    /** A blocklist zone, such as {@code zen.spamhaus.org}. */
    BLOCKLIST(Extent.CLASS),
    /** An IPv4 or IPv6 address, possibly in brackets. */
    IP(Extent.CLASS),
    /** A mail address, possibly in angle brackets: any run of non-space characters. */
    EMAIL(Extent.CLASS),
    /** Digits. */
    NUMBER(Extent.CLASS),
    /** One word: any run of non-space characters. */
    WORD(Extent.CLASS),
    /** A DNS record type or similar token: any run of non-space characters. */
    TYPE(Extent.CLASS),
    /** Free text up to the first place where the rest of the template matches. */
    TEXT(Extent.FIRST),
    /** An embedded reply, classified in its turn: up to the last place where the rest of the template matches. */
    MESSAGE(Extent.LAST);

    /** How far a placeholder reaches. */
    enum Extent {
        /** Characters of its class, ending at the first place where what follows matches. */
        CLASS,
        /** Any characters, ending at the first place where what follows matches. */
        FIRST,
        /** Any characters, ending at the last place where what follows matches. */
        LAST
    }

    private final Extent extent;

    Placeholder(Extent extent) {
        this.extent = extent;
    }

    /** The placeholder of this name, as written between braces. */
    public static Optional<Placeholder> named(String name) {
        for (Placeholder p : values()) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The names a template may use, sorted. */
    public static String names() {
        return Arrays.toString(Arrays.stream(values()).map(Enum::name).sorted().toArray());
    }

    Extent extent() {
        return extent;
    }

    /** Whether its extent is a character class (it may not swallow free text). */
    boolean restricted() {
        return extent == Extent.CLASS;
    }

    /** Whether it names a host (a host that ends a sentence does not own the full stop). */
    boolean hostLike() {
        return this == HOSTNAME || this == DOMAIN || this == BLOCKLIST;
    }

    /** Whether a bound value must contain a dot. */
    boolean needsDot() {
        return this == DOMAIN;
    }

    /**
     * Whether a bound value must hold a digit or a colon, as every IPv4 and IPv6 address does: the letters a-f alone
     * are a word ("does not match calling host" names no address).
     */
    boolean needsDigit() {
        return this == IP;
    }

    /**
     * Whether a bound value must look like an address: an {@code @} in it, or the null sender {@code <>}. A word
     * alone is no address ("Sender rejected: your IP is listed" names no sender).
     */
    boolean needsAt() {
        return this == EMAIL;
    }

    /** Whether the folded character {@code c} may be part of the value. */
    boolean accepts(char c) {
        switch (this) {
            case HOSTNAME:
            case DOMAIN:
            case BLOCKLIST:
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
            case IP:
                return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':' || c == '.' || c == '['
                        || c == ']';
            case NUMBER:
                return c >= '0' && c <= '9';
            default:
                return c != ' ';
        }
    }

    /**
     * The value as it is bound: an address without the brackets around it ({@code [192.0.2.1]},
     * {@code <a@b.example>}) and without the full stop of a sentence it ends ("Giving up on 192.0.2.153.").
     */
    public String unwrap(String value) {
        long range = unwrap(value, 0, value.length());
        return value.substring((int) (range >>> 32), (int) range);
    }

    /**
     * The part of {@code s} from {@code start} to {@code end} that {@link #unwrap(String)} keeps of that value,
     * packed as {@code start << 32 | end}: the value can then be cut out of the text once.
     */
    public long unwrap(CharSequence s, int start, int end) {
        if ((this == IP || hostLike()) && end - start > 1 && s.charAt(end - 1) == '.') {
            end--;
        }
        if (end - start > 2 && ((this == IP && s.charAt(start) == '[' && s.charAt(end - 1) == ']')
                || (this == EMAIL && s.charAt(start) == '<' && s.charAt(end - 1) == '>'))) {
            start++;
            end--;
        }
        return (long) start << 32 | end;
    }
}
