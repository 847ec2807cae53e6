package io.smtpverdict.input.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/** Finding, normalising and VERP-decoding email addresses in text. */
final class Addresses {
    /** An address as it appears in notices: a dot-atom local part (RFC 5322 atext) at a dotted domain. */
    static final Pattern ADDRESS = Pattern.compile(
            "(?:\"[^\"\\r\\n@]{1,64}\"|[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u00C0-\u024F-]"
                    + "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\u00C0-\u024F-]*)"
                    + "@(?:[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F-]{0,61}[A-Za-z0-9\u00C0-\u024F])?\\.)+"
                    + "[A-Za-z\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F-]{0,62}"
                    + "|[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@\\[[0-9.]+\\]");

    /**
     * A VERP return path (the bounce's {@code To}): {@code prefix+user=example.com@bounces.example} or with
     * {@code -} as the separator, the recipient's {@code @} written as {@code =}.
     */
    private static final Pattern VERP = Pattern.compile(
            "^[^@+]*?[+-]([A-Za-z0-9._%+-]+)=([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})@[^@\\s]+$");

    private Addresses() {
    }

    /** Every address in the text, in order, lower case. */
    static List<String> all(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            out.add(normalize(m.group()));
        }
        return out;
    }

    /**
     * The addresses of a header field such as To or From (RFC 5322 address lists with display names, groups and
     * comments, parsed by mime4j), lower case, then any address the text holds that the list parser missed.
     */
    static List<String> inHeader(String value) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        try {
            for (Mailbox m : LenientAddressParser.DEFAULT.parseAddressList(value).flatten()) {
                String a = m.getAddress();
                if (a != null && a.indexOf('@') > 0) {
                    out.add(normalize(a));
                }
            }
        } catch (RuntimeException e) {
            // a field the list parser cannot read: the addresses found in its text below still count
        }
        out.addAll(all(value));
        return new ArrayList<>(out);
    }

    /** The first address in the text, lower case. */
    static Optional<String> first(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ADDRESS.matcher(text);
        return m.find() ? Optional.of(normalize(m.group())) : Optional.empty();
    }

    /** Lower case, without surrounding brackets, quotes or trailing dots; a quoted local part keeps its quotes. */
    static String normalize(String address) {
        String a = address.strip();
        if (a.startsWith("\"") && a.indexOf("\"@") > 0) {
            return a.toLowerCase(Locale.ROOT);
        }
        while (!a.isEmpty() && "<>\"'(),;:[".indexOf(a.charAt(0)) >= 0) {
            a = a.substring(1);
        }
        while (!a.isEmpty() && "<>\"'(),;:.".indexOf(a.charAt(a.length() - 1)) >= 0) {
            a = a.substring(0, a.length() - 1);
        }
        return a.toLowerCase(Locale.ROOT);
    }

    /** The recipient a VERP return path encodes. */
    static Optional<String> verp(String returnPath) {
        if (returnPath == null) {
            return Optional.empty();
        }
        Optional<String> a = first(returnPath);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = VERP.matcher(a.get());
        return m.matches() ? Optional.of(m.group(1) + "@" + m.group(2)) : Optional.empty();
    }

    /** Whether the address belongs to a mail system rather than a person (mailer-daemon, postmaster). */
    static boolean isSystem(String address) {
        String local = address.substring(0, Math.max(0, address.indexOf('@')));
        return local.equals("mailer-daemon") || local.equals("postmaster") || local.equals("mail-daemon")
                || local.equals("mailerdaemon") || local.equals("root") || local.equals("noreply")
                || local.equals("no-reply");
    }
}
