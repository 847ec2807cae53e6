package io.smtpverdict.vendor.generic;

import io.smtpverdict.testkit.PluginTestKit;
import org.junit.jupiter.api.Test;

/** The generic plugin under every check of the plugin test kit, sources and examples included. */
final class GenericPluginKitTest {
    @Test
    void plugin_passesThePluginTestKit() {
        PluginTestKit.forPlugin(new GenericPlugin()).assertAll().assertPacksCompiled();
    }
}
