/** The powermta plugin: its class and its rule tables. */
module io.smtpverdict.vendor.powermta {
    requires io.smtpverdict.spi;

    // Open, not exported: the engine reads the rule tables beside the plugin class, which a named module
    // only allows for packages open to the reader. Nothing here is API.
    opens io.smtpverdict.vendor.powermta;

    provides io.smtpverdict.spi.VerdictPlugin with io.smtpverdict.vendor.powermta.PowerMtaPlugin;
}
