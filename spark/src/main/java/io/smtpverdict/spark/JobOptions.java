package io.smtpverdict.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The command line of {@link ClassifyJob}, parsed and checked; every problem is a {@link UsageException}. */
final class JobOptions {
    /** Formats Spark reads itself; each row's reply is one column. */
    static final List<String> INPUT_FORMATS = List.of("text", "json", "parquet", "csv");
    /** Formats the input module's readers read: lines ({@link Verdicts#read}) or whole emails ({@link Verdicts#readEmails}). */
    static final List<String> RECORD_FORMATS = List.of("postfix", "exim", "sendmail", "qmail", "opensmtpd", "dsn",
            "events", "auto", "email");
    /** Formats the job writes. */
    static final List<String> OUTPUT_FORMATS = List.of("json", "parquet");

    static final String USAGE = String.join("\n",
            "Usage: ClassifyJob --input PATH --output DIR [options]",
            "  --input PATH            file, directory or glob Spark can read (local, hdfs://, s3a://, ...)",
            "  --input-format FORMAT   text (default: one reply per line, column 'value'), json (JSON Lines), "
                    + "parquet, csv (with a header line); or read by smtp-verdict's own readers, with the MTA's "
                    + "decision as evidence: postfix, exim, sendmail, qmail, opensmtpd, dsn, events (webhook JSON Lines), auto, email (one "
                    + "bounce email per file, one row per recipient)",
            "  --column NAME           the column holding the reply (default 'value' for text; required for json, "
                    + "parquet, csv; not taken by the reader formats)",
            "  --output DIR            where to write; must not exist yet",
            "  --output-format FORMAT  json (default: JSON Lines part files) or parquet",
            "  --master URL            Spark master, e.g. 'local[2]' (default: what spark-submit sets)",
            "  --vendor ID             prefer this plugin's rules in ties (like verdict classify --vendor)",
            "  --plugins ID,ID         load only these plugins",
            "  --rules FILE            a user rule table (repeatable); on a cluster ship it with --files",
            "  --help                  print this and exit");

    String input;
    String inputFormat = "text";
    String column;
    String output;
    String outputFormat = "json";
    Optional<String> master = Optional.empty();
    String vendor = "";
    List<String> plugins = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    boolean help;

    /** A command-line mistake; the message says what to change. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Parses and validates the arguments. */
    static JobOptions parse(String[] args) throws UsageException {
        JobOptions o = new JobOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                o.help = true;
                continue;
            }
            if (value == null) {
                if (!name.startsWith("--")) {
                    throw new UsageException("unexpected argument '" + arg + "'");
                }
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--input" -> o.input = value;
                case "--input-format" -> o.inputFormat = value;
                case "--column" -> o.column = value;
                case "--output" -> o.output = value;
                case "--output-format" -> o.outputFormat = value;
                case "--master" -> o.master = Optional.of(value);
                case "--vendor" -> o.vendor = value;
                case "--plugins" -> {
                    for (String id : value.split(",")) {
                        if (!id.isBlank()) {
                            o.plugins.add(id.trim());
                        }
                    }
                }
                case "--rules" -> o.rules.add(value);
                default -> throw new UsageException("unknown option '" + name + "'");
            }
        }
        if (o.help) {
            return o;
        }
        if (!INPUT_FORMATS.contains(o.inputFormat) && !RECORD_FORMATS.contains(o.inputFormat)) {
            throw new UsageException("unknown --input-format '" + o.inputFormat + "'; supported: "
                    + String.join(", ", supported()));
        }
        if (!OUTPUT_FORMATS.contains(o.outputFormat)) {
            throw new UsageException("unknown --output-format '" + o.outputFormat + "'; supported: "
                    + String.join(", ", OUTPUT_FORMATS));
        }
        if (o.input == null) {
            throw new UsageException("--input is required");
        }
        if (o.output == null) {
            throw new UsageException("--output is required");
        }
        if (o.readsRecords()) {
            if (o.column != null) {
                throw new UsageException("--column does not apply to --input-format " + o.inputFormat
                        + ": its reader finds the reply itself");
            }
        } else if (o.column == null) {
            if (!o.inputFormat.equals("text")) {
                throw new UsageException("--column is required for --input-format " + o.inputFormat
                        + ": name the column that holds the reply");
            }
            o.column = "value";
        }
        return o;
    }

    /** Every --input-format the job takes. */
    static List<String> supported() {
        List<String> all = new ArrayList<>(INPUT_FORMATS);
        all.addAll(RECORD_FORMATS);
        return all;
    }

    /** Whether the input is read by the input module's readers ({@link Verdicts#read}) rather than by Spark. */
    boolean readsRecords() {
        return RECORD_FORMATS.contains(inputFormat);
    }

    EngineSettings settings() {
        return new EngineSettings(plugins, vendor, rules);
    }
}
