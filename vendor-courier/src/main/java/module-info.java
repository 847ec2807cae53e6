/** The courier plugin: its class and its rule tables. */
module io.smtpverdict.vendor.courier {
    requires io.smtpverdict.spi;

    // Open, not exported: the engine reads the rule tables beside the plugin class, which a named module
    // only allows for packages open to the reader. Nothing here is API.
    opens io.smtpverdict.vendor.courier;

    provides io.smtpverdict.spi.VerdictPlugin with io.smtpverdict.vendor.courier.CourierPlugin;
}
