package io.smtpverdict.spi;

import java.util.List;

/**
 * A vendor's knowledge of its MTA's replies, contributed as rule tables; found through {@link java.util.ServiceLoader}.
 *
 * <p>Register an implementation with one line naming it in
 * {@code META-INF/services/io.smtpverdict.spi.VerdictPlugin}. Implementations must have a public no-argument
 * constructor and should be {@code final} and stateless.
 */
public interface VerdictPlugin {
    /**
     * Stable lower-case id, e.g. {@code greenarrow}; every rule id of the plugin starts with it and a dot.
     *
     * @since 1
     */
    String id();

    /**
     * The contract version compiled against; return {@link VerdictContract#VERSION}.
     *
     * @since 1
     */
    int contractVersion();

    /**
     * Rule table resources, resolved relative to the implementing class with {@link Class#getResource(String)}.
     * The default is {@code <id>-rules.json} beside the class.
     *
     * @since 1
     */
    default List<String> ruleTables() {
        return List.of(id() + "-rules.json");
    }

    /**
     * Tie-break between plugins whose rules match at the same evidence level with equally long evidence:
     * higher wins. Vendor plugins for a sending MTA use 100, generic receiver knowledge 0.
     *
     * @since 1
     */
    default int priority() {
        return 0;
    }

    /**
     * The plugin's own version, by default its jar's {@code Implementation-Version}.
     *
     * @since 1
     */
    default String version() {
        String v = getClass().getPackage() == null ? null : getClass().getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    /**
     * One line saying what the plugin knows.
     *
     * @since 1
     */
    default String description() {
        return "";
    }
}
