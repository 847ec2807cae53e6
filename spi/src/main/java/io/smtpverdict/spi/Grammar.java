package io.smtpverdict.spi;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The one grammar of plugin ids, rule ids and enhanced status codes, shared by the engine, the table loader, the
 * reply parser and the plugin test kit.
 *
 * <ul>
 *   <li>plugin id: {@value #PLUGIN_ID}, and none of {@link #RESERVED_PLUGIN_IDS};</li>
 *   <li>rule id: the plugin id, a dot, then {@value #RULE_ID_SUFFIX};</li>
 *   <li>enhanced code ({@code class.subject.detail}, RFC 3463): class 2, 4 or 5, subject and detail 0 to 999
 *       without leading zeros;</li>
 *   <li>enhanced-code condition in a rule table: an enhanced code whose class may be {@code X} (any) and whose
 *       detail may be {@code *} (any).</li>
 * </ul>
 */
public final class Grammar {
    /** The plugin id grammar: lower-case letters, digits and '-', starting with a letter. */
    public static final String PLUGIN_ID = "[a-z][a-z0-9-]*";
    /** What follows {@code <plugin id>.} in a rule id. */
    public static final String RULE_ID_SUFFIX = "[a-z0-9][a-z0-9._-]*";
    /** Ids the engine keeps for itself: its own class rules and the user's tables. */
    public static final List<String> RESERVED_PLUGIN_IDS = List.of("core", "user");

    private static final Pattern PLUGIN_ID_PATTERN = Pattern.compile(PLUGIN_ID);
    private static final Pattern RULE_ID_SUFFIX_PATTERN = Pattern.compile(RULE_ID_SUFFIX);

    private Grammar() {
    }

    /**
     * Whether a plugin may use this id: well formed and not reserved.
     *
     * @param id candidate id; null is not one
     * @return whether it is a usable plugin id
     */
    public static boolean isPluginId(String id) {
        return id != null && PLUGIN_ID_PATTERN.matcher(id).matches() && !RESERVED_PLUGIN_IDS.contains(id);
    }

    /**
     * Whether {@code ruleId} is a well formed id for a rule of plugin {@code pluginId}.
     *
     * @param pluginId the plugin (or user table) id the rule belongs to
     * @param ruleId candidate rule id; null is not one
     * @return whether it is {@code <pluginId>.} followed by {@value #RULE_ID_SUFFIX}
     */
    public static boolean isRuleId(String pluginId, String ruleId) {
        if (pluginId == null || ruleId == null || !ruleId.startsWith(pluginId + ".")) {
            return false;
        }
        return RULE_ID_SUFFIX_PATTERN.matcher(ruleId).region(pluginId.length() + 1, ruleId.length()).matches();
    }

    /**
     * Where an enhanced code that starts exactly at {@code at} ends; says nothing about what follows it.
     *
     * @param s the text
     * @param at where the code would start
     * @return the index after its last digit, or -1 when no enhanced code starts there
     */
    public static int enhancedCodeEnd(CharSequence s, int at) {
        int n = s.length();
        if (at < 0 || at + 5 > n) {
            return -1;
        }
        char c = s.charAt(at);
        if ((c != '2' && c != '4' && c != '5') || s.charAt(at + 1) != '.') {
            return -1;
        }
        int subjectEnd = numberEnd(s, at + 2);
        if (subjectEnd < 0 || subjectEnd >= n || s.charAt(subjectEnd) != '.') {
            return -1;
        }
        return numberEnd(s, subjectEnd + 1);
    }

    /**
     * Whether a rule table's enhanced-code condition is well formed: {@code 5.1.1}, {@code X.1.1}, {@code 5.1.*}
     * or {@code X.1.*}.
     *
     * @param condition the condition as written; null is not one
     * @return whether it is well formed
     */
    public static boolean isEnhancedCodeCondition(String condition) {
        if (condition == null || condition.isEmpty()) {
            return false;
        }
        StringBuilder code = new StringBuilder(condition);
        if (code.charAt(0) == 'X') {
            code.setCharAt(0, '5');
        }
        if (code.length() > 2 && code.charAt(code.length() - 1) == '*' && code.charAt(code.length() - 2) == '.') {
            code.setCharAt(code.length() - 1, '0');
        }
        return enhancedCodeEnd(code, 0) == code.length();
    }

    /** The end of a number of 1 to 3 digits without a leading zero starting at {@code from}, or -1. */
    static int numberEnd(CharSequence s, int from) {
        int i = from;
        int n = s.length();
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        int len = i - from;
        if (len < 1 || len > 3 || (len > 1 && s.charAt(from) == '0')) {
            return -1;
        }
        return i;
    }

    /** The value of the digits in {@code s} from {@code from} to {@code to}. */
    static int digits(CharSequence s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
