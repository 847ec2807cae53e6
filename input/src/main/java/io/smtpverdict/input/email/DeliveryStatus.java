package io.smtpverdict.input.email;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of an RFC 3464 {@code message/delivery-status} body (and RFC 6533's
 * {@code message/global-delivery-status}): one group of per-message fields, then one group per recipient,
 * groups separated by blank lines, folded lines joined. Reports that leave out the blank lines still give one
 * group per {@code Final-Recipient}.
 */
final class DeliveryStatus {
    /** The per-message fields, lower-case names. */
    final Map<String, String> message = new LinkedHashMap<>();
    /** One map per recipient, lower-case names, in order. */
    final List<Map<String, String>> recipients = new ArrayList<>();

    private DeliveryStatus() {
    }

    /** Reads the fields of a delivery-status body. */
    static DeliveryStatus parse(String body) {
        DeliveryStatus ds = new DeliveryStatus();
        List<List<String[]>> groups = new ArrayList<>();
        List<String[]> group = new ArrayList<>();
        String[] last = null;
        for (String line : body.split("\r\n|\r|\n", -1)) {
            if (line.isBlank()) {
                if (!group.isEmpty()) {
                    groups.add(group);
                    group = new ArrayList<>();
                }
                last = null;
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                last[1] = last[1] + " " + line.strip();
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isFieldName(line.substring(0, colon))) {
                last = null;
                continue;
            }
            last = new String[] {line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                line.substring(colon + 1).strip()};
            group.add(last);
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        for (List<String[]> g : groups) {
            Map<String, String> current = null;
            for (String[] f : g) {
                boolean recipientField = f[0].equals("final-recipient") || f[0].equals("original-recipient");
                if (recipientField && (current == null || current.containsKey(f[0]))) {
                    current = new LinkedHashMap<>();
                    ds.recipients.add(current);
                }
                if (current == null && !isRecipientField(f[0])) {
                    ds.message.putIfAbsent(f[0], f[1]);
                } else {
                    if (current == null) {
                        current = new LinkedHashMap<>();
                        ds.recipients.add(current);
                    }
                    current.putIfAbsent(f[0], f[1]);
                }
            }
        }
        ds.recipients.removeIf(r -> !r.containsKey("final-recipient") && !r.containsKey("original-recipient"));
        return ds;
    }

    private static boolean isRecipientField(String name) {
        return switch (name) {
            case "action", "status", "diagnostic-code", "remote-mta", "last-attempt-date", "will-retry-until",
                    "final-log-id", "x-actual-recipient" -> true;
            default -> false;
        };
    }

    private static boolean isFieldName(String s) {
        if (s.isEmpty() || s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The value after a DSN type prefix: {@code rfc822; a@b} gives {@code a@b}. */
    static String typedValue(String value) {
        int semi = value.indexOf(';');
        return semi >= 0 ? value.substring(semi + 1).strip() : value.strip();
    }

    /** The type of a typed field: {@code smtp; 550 ...} gives {@code smtp}; empty when untyped. */
    static String typeOf(String value) {
        int semi = value.indexOf(';');
        if (semi <= 0 || semi > 20) {
            return "";
        }
        String t = value.substring(0, semi).strip();
        return t.contains(" ") ? "" : t.toLowerCase(Locale.ROOT);
    }
}
