package io.smtpverdict.core.parse;

import io.smtpverdict.spi.EnhancedStatusCode;

/**
 * The parser's view of one input, kept cheap for the hot path: the (possibly cut) text, its folded form,
 * and the codes found in it. Internal to the engine.
 */
public final class ParsedReply {
    final String text;
    final String normalized;
    final int bodyStart;
    final int basicCode;
    final int basicCodeAt;
    final EnhancedStatusCode enhancedCode;
    final boolean truncated;

    ParsedReply(String text, String normalized, int bodyStart, int basicCode, int basicCodeAt,
            EnhancedStatusCode enhancedCode, boolean truncated) {
        this.text = text;
        this.normalized = normalized;
        this.bodyStart = bodyStart;
        this.basicCode = basicCode;
        this.basicCodeAt = basicCodeAt;
        this.enhancedCode = enhancedCode;
        this.truncated = truncated;
    }

    /** The input text, cut at the size limit. */
    public String text() {
        return text;
    }

    /** The folded text that rules match against. */
    public String normalized() {
        return normalized;
    }

    /** Where the reply proper starts in the folded text, after a {@code Diagnostic-Code: smtp;} prefix. */
    public int bodyStart() {
        return bodyStart;
    }

    /** The basic reply code, or 0. */
    public int basicCode() {
        return basicCode;
    }

    /** The enhanced status code, or null. */
    public EnhancedStatusCode enhancedCode() {
        return enhancedCode;
    }

    /** Whether the input was cut. */
    public boolean truncated() {
        return truncated;
    }

    /** The class digit of the basic code, else of the enhanced code, else 0. */
    public int classDigit() {
        if (basicCode != 0) {
            return basicCode / 100;
        }
        return enhancedCode == null ? 0 : enhancedCode.classDigit();
    }
}
