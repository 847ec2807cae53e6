/** The plugin contract: the reply model, the verdict vocabulary and the plugin interface. No dependencies. */
module io.smtpverdict.spi {
    exports io.smtpverdict.spi;
}
