package io.smtpverdict.core;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the engine loaded from one plugin or user table.
 *
 * @param id plugin id
 * @param version the plugin's version
 * @param contractVersion the contract version it was built against
 * @param priority its tie-break priority
 * @param ruleCount how many rules it contributed
 * @param userTable whether it is a user rule table given at run time
 * @param tables the table resources or files it was read from
 * @param description what it knows
 * @param location where it was loaded from: the jar or class directory of its class, or the user table's file
 */
public record PluginInfo(String id, String version, int contractVersion, int priority, int ruleCount,
        boolean userTable, List<String> tables, String description, String location) {
    /** Validates the parts. */
    public PluginInfo {
        requireNonNull(id, "id is null");
        requireNonNull(version, "version is null");
        tables = List.copyOf(tables);
        requireNonNull(description, "description is null");
        requireNonNull(location, "location is null");
    }

    /** Information without a known location. */
    public PluginInfo(String id, String version, int contractVersion, int priority, int ruleCount, boolean userTable,
            List<String> tables, String description) {
        this(id, version, contractVersion, priority, ruleCount, userTable, tables, description, "unknown");
    }
}
