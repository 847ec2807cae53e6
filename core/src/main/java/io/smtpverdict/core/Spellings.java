package io.smtpverdict.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Spellings of one word or phrase that English writes more than one way, so that a rule's phrase also finds the
 * reply that spells it the other way: contractions ("does not" / "doesn't"), compounds written closed, open or
 * hyphenated ("mailbox" / "mail box" / "mail-box", "e-mail" / "email") and British against American endings
 * ("unauthorised" / "unauthorized"). Servers' authors choose freely among them: Postfix writes "does not exist",
 * others "doesn't exist"; Exim "mailbox", others "mail box". Each set is orthography, not bounce wording, and holds
 * only spellings that mean the same thing in any sentence; one misspelling common in servers' own texts is among them.
 */
final class Spellings {
    private Spellings() {
    }

    /** Each set: spellings of one word or phrase, folded (lower case, straight apostrophe). */
    private static final String[][] SETS = {
        // contractions of "not"
        {"does not", "doesn't"}, {"do not", "don't"}, {"did not", "didn't"}, {"is not", "isn't"},
        {"are not", "aren't"}, {"was not", "wasn't"}, {"were not", "weren't"}, {"has not", "hasn't"},
        {"have not", "haven't"}, {"had not", "hadn't"}, {"will not", "won't"}, {"would not", "wouldn't"},
        {"could not", "couldn't"}, {"should not", "shouldn't"}, {"must not", "mustn't"},
        {"cannot", "can not", "can't"},
        // compounds written closed, open or hyphenated
        {"e-mail", "email"}, {"e-mails", "emails"},
        {"mailbox", "mail box", "mail-box"}, {"mailboxes", "mail boxes", "mail-boxes"},
        {"username", "user name"}, {"usernames", "user names"},
        {"hostname", "host name"}, {"hostnames", "host names"},
        {"blacklist", "black list", "black-list"}, {"blacklisted", "black listed", "black-listed"},
        {"whitelist", "white list", "white-list"}, {"whitelisted", "white listed", "white-listed"},
        {"antispam", "anti-spam", "anti spam"}, {"antivirus", "anti-virus", "anti virus"},
        {"nonexistent", "non-existent", "non existent"},
        {"over quota", "over-quota", "overquota"}, {"timeout", "time-out"}, {"timeouts", "time-outs"},
        {"mail server", "mailserver", "mail-server"}, {"mail servers", "mailservers", "mail-servers"},
        // a misspelling servers' authors write, one German "Adresse" away: STRATO's and cyon's support pages and
        // CleverReach's bounce list quote "recipient e-mail adress unknown", "Adress Rejected", "invalid adress"
        {"address", "adress"}, {"addresses", "adresses"},
        // British and American endings
        {"unrecognized", "unrecognised"}, {"recognized", "recognised"}, {"recognize", "recognise"},
        {"authorized", "authorised"}, {"unauthorized", "unauthorised"}, {"authorize", "authorise"},
        {"authorization", "authorisation"}, {"organization", "organisation"}, {"organizations", "organisations"},
        {"behavior", "behaviour"}, {"canceled", "cancelled"}, {"initialized", "initialised"},
        {"initialize", "initialise"}, {"utilization", "utilisation"}, {"normalized", "normalised"},
    };

    /** Most spellings one key may be given, itself included: a key of many variable words stays small. */
    static final int MAX_SPELLINGS = 16;

    /**
     * The other spellings of a folded key: each word or phrase of {@link #SETS} in it, standing between word
     * boundaries (or the key's ends, as a key may start or stop inside a word), replaced by each of its other
     * spellings, in every combination up to {@link #MAX_SPELLINGS}, and a key that starts at "not" also with "n't";
     * empty when it has none.
     */
    static List<String> of(String key) {
        Set<String> out = new LinkedHashSet<>();
        out.add(key);
        if (key.startsWith("not ")) {
            // a key that starts at "not" ("not found", "not allowed") is also said with the verb before it
            // contracted: "isn't found", "wasn't allowed"
            out.add("n't" + key.substring(3));
        }
        List<String> frontier = List.copyOf(out);
        // one word replaced per round, so that a key with several words gets their combinations
        for (int round = 0; round < 4 && !frontier.isEmpty() && out.size() < MAX_SPELLINGS; round++) {
            List<String> next = new ArrayList<>();
            for (String k : frontier) {
                for (String[] set : SETS) {
                    for (String from : set) {
                        for (int at = k.indexOf(from); at >= 0; at = k.indexOf(from, at + 1)) {
                            if (!boundary(k, at - 1) || !boundary(k, at + from.length())) {
                                continue;
                            }
                            for (String to : set) {
                                if (!to.equals(from) && out.size() < MAX_SPELLINGS) {
                                    String v = k.substring(0, at) + to + k.substring(at + from.length());
                                    if (out.add(v)) {
                                        next.add(v);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            frontier = next;
        }
        out.remove(key);
        return List.copyOf(out);
    }

    /** Whether position {@code i} of the key is outside a word: before its start, past its end, or not a letter. */
    private static boolean boundary(String key, int i) {
        return i < 0 || i >= key.length() || !Character.isLetter(key.charAt(i)) && key.charAt(i) != '\'';
    }
}
