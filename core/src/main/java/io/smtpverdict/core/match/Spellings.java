package io.smtpverdict.core.match;

import java.util.ArrayList;
import java.util.List;

/**
 * The other spellings English allows for a rule's phrase, which the engine finds as the phrase.
 *
 * <p>Servers' authors choose freely among contractions ("does not" / "doesn't"), compounds written closed, open or
 * hyphenated ("mailbox" / "mail box" / "mail-box", "e-mail" / "email") and British or American endings
 * ("unauthorised" / "unauthorized"): Postfix writes "does not exist", others "doesn't exist"; Exim "mailbox", others
 * "mail box". Each set is orthography, not bounce wording, and holds only spellings that mean the same thing in any
 * sentence; one misspelling common in servers' own texts is among them. A phrase in another language written with
 * accents is also found written without them, as SMTP replies are written in ASCII (RFC 5321 section 2.4) and servers
 * in Spanish, French, Portuguese, German or Polish often drop them.
 */
public final class Spellings {
    private Spellings() {
    }

    /** Each set: spellings of one word or phrase, folded (lower case, straight apostrophe). */
    private static final String[][] SETS = {
        // contractions of "not", also as texts that avoid quote characters write them ("doesnt"); not "cant" and
        // "wont", which are words of their own and hide inside others ("significant")
        {"does not", "doesn't", "doesnt"}, {"do not", "don't", "dont"}, {"did not", "didn't", "didnt"},
        {"is not", "isn't", "isnt"}, {"are not", "aren't", "arent"}, {"was not", "wasn't", "wasnt"},
        {"were not", "weren't", "werent"}, {"has not", "hasn't", "hasnt"}, {"have not", "haven't", "havent"},
        {"had not", "hadn't", "hadnt"}, {"will not", "won't"}, {"would not", "wouldn't", "wouldnt"},
        {"could not", "couldn't", "couldnt"}, {"should not", "shouldn't", "shouldnt"}, {"must not", "mustn't"},
        {"cannot", "can not", "can't"},
        // compounds written closed, open or hyphenated
        {"e-mail", "email"}, {"e-mails", "emails"},
        {"mailbox", "mail box", "mail-box"}, {"mailboxes", "mail boxes", "mail-boxes"},
        {"username", "user name"}, {"usernames", "user names"},
        {"hostname", "host name"}, {"hostnames", "host names"},
        {"blacklist", "black list", "black-list"}, {"blacklisted", "black listed", "black-listed"},
        {"whitelist", "white list", "white-list"}, {"whitelisted", "white listed", "white-listed"},
        {"blocklist", "block list", "block-list"}, {"blocklisted", "block-listed"},
        {"denylist", "deny list", "deny-list"}, {"denylisted", "deny-listed"},
        {"allowlist", "allow list", "allow-list"}, {"allowlisted", "allow-listed"},
        {"greylist", "grey list", "grey-list", "graylist", "gray list", "gray-list"},
        {"greylisted", "grey-listed", "graylisted", "gray-listed"},
        {"greylisting", "grey-listing", "graylisting", "gray-listing"},
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
    public static final int MAX_SPELLINGS = 16;

    /** Bumped whenever {@link #of} finds spellings in another way than by the sets (possessives, "n't", accents). */
    private static final int REVISION = 3;

    /**
     * A fingerprint of {@link #SETS}, the limits, the letters' ASCII and the way {@link #of} reads a key: a rule pack
     * keeps its phrases' spellings and the fingerprint they were made with, and an engine with other spellings reads
     * the JSON instead.
     */
    public static final int VERSION = java.util.Arrays.deepHashCode(new Object[] {SETS, MAX_SPELLINGS, REVISION,
        Spellings.MARKED_MAX_LENGTH, Spellings.MARKED_MIN_LENGTH, Spellings.LETTERS});

    /** The first Latin letter with marks ("à") and the end of Latin Extended-B: what {@link #UNMARKED} covers. */
    private static final char MARKED_FROM = 0xC0;
    private static final char MARKED_TO = 0x250;
    /**
     * Each Latin letter with marks, written in ASCII as SMTP replies must be written (RFC 5321 section 2.4): its base
     * letter ("á" -> "a", "ç" -> "c", "ř" -> "r"), or the letters that stand for it ("ß" -> "ss", "æ" -> "ae",
     * "ł" -> "l"); null for a character that is no such letter.
     */
    private static final String[] UNMARKED = new String[MARKED_TO - MARKED_FROM];
    /**
     * {@link #UNMARKED}'s content, each letter then the ASCII that stands for it: the letters with marks of Latin-1 and
     * Latin Extended-A and -B whose canonical decomposition (NFD) is an ASCII letter and marks, and those that have
     * none but are written so in ASCII (ß, æ, œ, ø, ł, đ, ð, þ, ħ, ŧ, ı). Written out, as java.text.Normalizer's
     * tables would cost every engine build in a fresh JVM a tenth of a second to load.
     */
    private static final String LETTERS =
            "ÀA ÁA ÂA ÃA ÄA ÅA ÆAE ÇC ÈE ÉE ÊE ËE ÌI ÍI ÎI ÏI ÐD ÑN ÒO ÓO ÔO ÕO ÖO ØO ÙU ÚU ÛU ÜU ÝY ÞTH ßss "
            + "àa áa âa ãa äa åa æae çc èe ée êe ëe ìi íi îi ïi ðd ñn òo óo ôo õo öo øo ùu úu ûu üu ýy þth ÿy "
            + "ĀA āa ĂA ăa ĄA ąa ĆC ćc ĈC ĉc ĊC ċc ČC čc ĎD ďd ĐD đd ĒE ēe ĔE ĕe ĖE ėe ĘE ęe ĚE ěe ĜG ĝg ĞG ğg "
            + "ĠG ġg ĢG ģg ĤH ĥh ĦH ħh ĨI ĩi ĪI īi ĬI ĭi ĮI įi İI ıi ĴJ ĵj ĶK ķk ĹL ĺl ĻL ļl ĽL ľl ŁL łl ŃN ńn "
            + "ŅN ņn ŇN ňn ŌO ōo ŎO ŏo ŐO őo ŒOE œoe ŔR ŕr ŖR ŗr ŘR řr ŚS śs ŜS ŝs ŞS şs ŠS šs ŢT ţt ŤT ťt ŦT "
            + "ŧt ŨU ũu ŪU ūu ŬU ŭu ŮU ůu ŰU űu ŲU ųu ŴW ŵw ŶY ŷy ŸY ŹZ źz ŻZ żz ŽZ žz ƠO ơo ƯU ưu ǍA ǎa ǏI ǐi "
            + "ǑO ǒo ǓU ǔu ǕU ǖu ǗU ǘu ǙU ǚu ǛU ǜu ǞA ǟa ǠA ǡa ǦG ǧg ǨK ǩk ǪO ǫo ǬO ǭo ǰj ǴG ǵg ǸN ǹn ǺA ǻa ȀA "
            + "ȁa ȂA ȃa ȄE ȅe ȆE ȇe ȈI ȉi ȊI ȋi ȌO ȍo ȎO ȏo ȐR ȑr ȒR ȓr ȔU ȕu ȖU ȗu ȘS șs ȚT țt ȞH ȟh ȦA ȧa ȨE "
            + "ȩe ȪO ȫo ȬO ȭo ȮO ȯo ȰO ȱo ȲY ȳy ";

    /**
     * The longest key also given without its accents: a short phrase is the vocabulary many servers write, some in
     * ASCII ("usuario desconocido"); a longer one is mostly one program's translated sentence, which that program
     * prints with its accents, and its spellings would only make the automaton larger.
     */
    public static final int MARKED_MAX_LENGTH = 64;
    /**
     * The shortest single word given without its accents: a short one is another word in ASCII, or inside many
     * ("refusé" is English "refuse", Czech "čas" is in "casella").
     */
    public static final int MARKED_MIN_LENGTH = 8;

    static {
        for (String pair : LETTERS.strip().split(" ")) {
            UNMARKED[pair.charAt(0) - MARKED_FROM] = pair.substring(1);
        }
    }

    /** Every spelling of {@link #SETS}, one or two words (joined by a space or a hyphen), with its set and hash. */
    private static final String[] SPELLINGS;
    private static final String[][] SET_OF;
    private static final int[] HASH;
    /**
     * Open addressing by {@link #HASH}: a spelling's index plus one, 0 for an empty slot. The tables are built once and
     * read for every word of every key at each engine build, in a JVM that has compiled nothing yet: a probe of an int
     * array per word, no string made, so a key without such words costs little more than reading it.
     */
    private static final int[] SLOTS = new int[1024];
    /** The same for the first words of two-word spellings ("does", "mail", "over"): a pair is read only after one. */
    private static final int[] PAIR_SLOTS = new int[256];

    static {
        List<String> all = new ArrayList<>();
        List<String[]> setOf = new ArrayList<>();
        for (String[] set : SETS) {
            for (String spelling : set) {
                all.add(spelling);
                setOf.add(set);
            }
        }
        SPELLINGS = all.toArray(new String[0]);
        SET_OF = setOf.toArray(new String[0][]);
        HASH = new int[SPELLINGS.length];
        for (int m = 0; m < SPELLINGS.length; m++) {
            String spelling = SPELLINGS[m];
            HASH[m] = hash(spelling, 0, spelling.length());
            put(SLOTS, HASH[m], m);
            int firstEnd = wordEnd(spelling, 0);
            if (firstEnd < spelling.length()) {
                int first = hash(spelling, 0, firstEnd);
                if (find(PAIR_SLOTS, spelling, 0, firstEnd, first) < 0) {
                    put(PAIR_SLOTS, first, m);
                }
            }
        }
    }

    private static int hash(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    private static void put(int[] slots, int h, int m) {
        int i = h & (slots.length - 1);
        while (slots[i] != 0) {
            i = (i + 1) & (slots.length - 1);
        }
        slots[i] = m + 1;
    }

    /**
     * The spelling (for {@link #PAIR_SLOTS}: the two-word spelling whose first word it is) that is exactly the key's
     * characters {@code from} to {@code to}, whose hash is {@code h}; -1 for none.
     */
    private static int find(int[] slots, String key, int from, int to, int h) {
        int len = to - from;
        for (int i = h & (slots.length - 1); slots[i] != 0; i = (i + 1) & (slots.length - 1)) {
            int m = slots[i] - 1;
            String spelling = SPELLINGS[m];
            if (slots == PAIR_SLOTS) {
                int firstEnd = wordEnd(spelling, 0);
                if (firstEnd == len && spelling.regionMatches(0, key, from, len)) {
                    return m;
                }
            } else if (HASH[m] == h && spelling.length() == len && spelling.regionMatches(0, key, from, len)) {
                return m;
            }
        }
        return -1;
    }

    /**
     * The other spellings of a folded key: each word or pair of words of {@link #SETS} in it, standing between word
     * boundaries (or the key's ends, as a key may start or stop inside a word), replaced by each of its other
     * spellings, in every combination up to {@link #MAX_SPELLINGS}; a possessive also without its apostrophe
     * ("recipient's" / "recipients"), a key that starts at "not" also with "n't", and a key with Latin letters with
     * marks also written without them ("válida" / "valida"; "Empfänger" / "Empfanger" / "Empfaenger"; a single word
     * of at least {@link #MARKED_MIN_LENGTH} letters, a phrase of at most {@link #MARKED_MAX_LENGTH}); empty when it
     * has none.
     */
    public static List<String> of(String key) {
        boolean contractedNot = key.startsWith("not ");
        boolean marked = false;
        for (int c = 0; c < key.length() && key.length() <= MARKED_MAX_LENGTH && !marked; c++) {
            char ch = key.charAt(c);
            marked = ch >= MARKED_FROM && ch < MARKED_TO && UNMARKED[ch - MARKED_FROM] != null;
        }
        // the spans of the key that a set holds, left to right, not overlapping: {start, end} and the set
        List<int[]> spans = null;
        List<String[]> sets = null;
        int n = key.length();
        int i = 0;
        while (i < n) {
            if (!isLetter(key.charAt(i))) {
                i++;
                continue;
            }
            int end = wordEnd(key, i);
            int h = hash(key, i, end);
            int found = -1;
            int foundEnd = end;
            if (end + 1 < n && (key.charAt(end) == ' ' || key.charAt(end) == '-') && isLetter(key.charAt(end + 1))
                    && find(PAIR_SLOTS, key, i, end, h) >= 0) {
                int pairEnd = wordEnd(key, end + 1);
                found = find(SLOTS, key, i, pairEnd, hash(key, i, pairEnd));
                foundEnd = pairEnd;
            }
            if (found < 0) {
                found = find(SLOTS, key, i, end, h);
                foundEnd = end;
            }
            String[] set = found >= 0 ? SET_OF[found] : null;
            if (set == null && end - i > 3 && key.charAt(end - 1) == 's' && key.charAt(end - 2) == '\'') {
                // a possessive, also written without its apostrophe ("the recipients mailbox")
                String word = key.substring(i, end);
                set = new String[] {word, word.substring(0, word.length() - 2).concat("s")};
            }
            if (set != null) {
                if (spans == null) {
                    spans = new ArrayList<>();
                    sets = new ArrayList<>();
                }
                spans.add(new int[] {i, foundEnd});
                sets.add(set);
            }
            i = foundEnd;
        }
        if (spans == null && !contractedNot && !marked) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (contractedNot) {
            // a key that starts at "not" ("not found", "not allowed") is also said with the verb before it
            // contracted: "isn't found", "wasn't allowed"
            out.add("n't".concat(key.substring(3)));
        }
        if (spans != null) {
            // every combination, the key's own spelling first at each span so that the cap keeps those nearest to
            // it; String.concat rather than '+', whose first use costs a cold JVM a bootstrap
            List<String> prefixes = new ArrayList<>();
            prefixes.add("");
            int from = 0;
            for (int s = 0; s < spans.size(); s++) {
                int[] span = spans.get(s);
                String gap = key.substring(from, span[0]);
                String written = key.substring(span[0], span[1]);
                List<String> next = new ArrayList<>();
                for (String p : prefixes) {
                    next.add(p.concat(gap).concat(written));
                }
                for (String p : prefixes) {
                    for (String other : sets.get(s)) {
                        if (!other.equals(written) && next.size() < MAX_SPELLINGS) {
                            next.add(p.concat(gap).concat(other));
                        }
                    }
                }
                prefixes = next;
                from = span[1];
            }
            String tail = key.substring(from);
            for (int v = 1; v < prefixes.size() && out.size() < MAX_SPELLINGS - 1; v++) {
                out.add(prefixes.get(v).concat(tail)); // the first is the key itself
            }
        }
        if (marked) {
            // written in ASCII, as SMTP asks replies to be: "dirección no válida" as "direccion no valida", and German
            // umlauts also as "ae", "oe", "ue" ("Empfänger" as "Empfaenger" or "Empfanger")
            for (boolean german : new boolean[] {false, true}) {
                String plain = unmarked(key, german);
                if (!plain.equals(key) && !out.contains(plain) && out.size() < MAX_SPELLINGS - 1
                        && (plain.length() >= MARKED_MIN_LENGTH || plain.indexOf(' ') > 0)) {
                    out.add(plain);
                }
            }
        }
        return out;
    }

    /** The key with each Latin letter with marks in ASCII ({@link #UNMARKED}); ä, ö, ü as ae, oe, ue if asked. */
    private static String unmarked(String key, boolean german) {
        StringBuilder b = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            String plain = c >= MARKED_FROM && c < MARKED_TO ? UNMARKED[c - MARKED_FROM] : null;
            if (german && (c == 'ä' || c == 'ö' || c == 'ü')) {
                plain = plain + "e";
            }
            if (plain == null) {
                b.append(c);
            } else {
                b.append(plain);
            }
        }
        return b.toString();
    }

    /** Where the word starting at {@code i} ends: letters, and apostrophes between letters ("doesn't"). */
    private static int wordEnd(String key, int i) {
        int j = i;
        int n = key.length();
        while (j < n) {
            char c = key.charAt(j);
            if (c >= 'a' && c <= 'z' || c >= 0x80 || c == '\'' && j + 1 < n && isLetter(key.charAt(j + 1))) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    /** Whether a folded key's character belongs to a word: a lower-case ASCII letter or any character above ASCII. */
    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 0x80;
    }
}
