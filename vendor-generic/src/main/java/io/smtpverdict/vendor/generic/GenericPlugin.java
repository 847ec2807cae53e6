package io.smtpverdict.vendor.generic;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/** What any receiving server means: RFC 5321 reply codes, the RFC 3463 registry and receivers' wording. */
public final class GenericPlugin implements VerdictPlugin {
    @Override
    public String id() {
        return "generic";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public List<String> ruleTables() {
        return List.of("generic-codes.json", "generic-phrases.json", "generic-intl.json", "generic-intl-software.json",
                "generic-intl-ndr.json", "generic-keywords.json",
                "generic-providers-google.json", "generic-providers-microsoft.json", "generic-providers-yahoo.json",
                "generic-providers-isps.json", "generic-providers-regional.json", "generic-providers-gateways.json",
                "generic-providers-gateways2.json",
                "generic-providers-blocklists.json", "generic-providers-filters.json", "generic-providers-esps.json",
                "generic-providers-software.json", "generic-providers-servers.json", "generic-providers-relays.json",
                "generic-providers-more.json", "generic-providers-daemons.json", "generic-providers-servers2.json",
                "generic-providers-servers3.json",
                "generic-providers-servers4.json", "generic-providers-servers5.json",
                "generic-providers-servers6.json",
                "generic-providers-qmail-addons.json",
                "generic-providers-panels.json", "generic-providers-lists-gateways.json",
                "generic-providers-euisps.json", "generic-providers-isps2.json",
                "generic-providers-japan.json", "generic-providers-asia.json", "generic-providers-submission.json",
                "generic-providers-mda.json",
                "generic-providers-asia2.json", "generic-providers-isps3.json",
                "generic-providers-hosting.json", "generic-providers-mailboxes.json",
                "generic-providers-servers7.json",
                "generic-providers-gateways3.json",
                "generic-providers-mailboxes2.json",
                "generic-providers-filters2.json",
                "generic-providers-servers8.json",
                "generic-providers-mda2.json",
                "generic-providers-esps2.json",
                "generic-providers-outbound.json",
                "generic-providers-panels2.json",
                "generic-providers-servers9.json",
                "generic-providers-esps3.json",
                "generic-providers-daemons2.json",
                "generic-providers-lists2.json",
                "generic-clients-thunderbird.json",
                "generic-clients-desktop.json",
                "generic-clients-webmail.json",
                "generic-clients-webmail2.json",
                "generic-providers-lists3.json",
                "generic-providers-gateways-apps.json",
                "generic-providers-mailboxes3.json",
                "generic-autoreplies.json",
                "generic-providers-gateways4.json",
                "generic-providers-proxies.json",
                "generic-providers-filters3.json",
                "generic-providers-apis.json",
                "generic-clients3.json",
                "generic-providers-gateways5.json",
                "generic-providers-japan2.json",
                "generic-providers-forwarders.json",
                "generic-clients.json", "generic-clients2.json", "generic-clients-http.json",
                "generic-senders.json",
                "generic-providers-gateways6.json", "generic-providers-euisps2.json",
                "generic-providers-isps4.json");
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public String description() {
        return "What any receiving server means: RFC 5321 reply codes, the RFC 3463 registry and receivers' wording.";
    }
}
