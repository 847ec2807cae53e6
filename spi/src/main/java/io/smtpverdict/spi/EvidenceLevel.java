package io.smtpverdict.spi;

/** How specific the evidence behind a rule is; the most specific matching level decides a verdict. */
public enum EvidenceLevel {
    /** A vendor's own message matched as a template: the sending MTA knows best what it meant. */
    VENDOR_TEMPLATE,
    /** A receiving provider's known wording (Gmail, Microsoft, Yahoo, blocklists, ...). */
    PROVIDER_PHRASE,
    /** Generic wording such as "user unknown" or "mailbox full". */
    PHRASE,
    /**
     * A single discriminative word or stem ("spam", "quota", "blocklisted"): decides when no phrase or
     * template does and the code alone would say less.
     *
     * @since 0.2
     */
    KEYWORD,
    /** The RFC 3463 enhanced status code, exact detail before {@code X.subject.*}. */
    ENHANCED_CODE,
    /** The RFC 5321 basic reply code, refined by stage. */
    BASIC_CODE,
    /** Only the class digit. */
    CLASS;

    /** Whether this level is more specific than {@code other}. */
    public boolean outranks(EvidenceLevel other) {
        return ordinal() < other.ordinal();
    }
}
