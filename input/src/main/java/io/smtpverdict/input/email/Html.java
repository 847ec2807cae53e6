package io.smtpverdict.input.email;

import java.util.regex.Pattern;

/** The text of an HTML notice: tags dropped, block ends as line breaks, common entities decoded. */
final class Html {
    private static final Pattern DROP = Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>");
    private static final Pattern BLOCK = Pattern.compile("(?i)<\\s*(br|/p|/div|/tr|/h[1-6]|/li|p|div|tr)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]{0,2000}>");

    private Html() {
    }

    /** The text of an HTML fragment. */
    static String toText(String html) {
        String s = DROP.matcher(html).replaceAll(" ");
        s = BLOCK.matcher(s).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return s.replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
    }
}
