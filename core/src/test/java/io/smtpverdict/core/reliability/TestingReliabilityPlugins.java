package io.smtpverdict.core.reliability;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/** Plugins for the reliability tests: one rich rule table to fuzz, and plugins broken in every method. */
final class TestingReliabilityPlugins {
    private TestingReliabilityPlugins() {
    }

    /** A plugin whose table uses every placeholder and condition kind (table: fuzzing-rules.json). */
    static final class Fuzzing implements VerdictPlugin {
        @Override
        public String id() {
            return "fuzzing";
        }

        @Override
        public int contractVersion() {
            return VerdictContract.VERSION;
        }

        @Override
        public int priority() {
            return 50;
        }
    }

    /** A plugin whose {@code id()} throws. */
    static final class IdThrows implements VerdictPlugin {
        @Override
        public String id() {
            throw new IllegalStateException("boom in id");
        }

        @Override
        public int contractVersion() {
            return VerdictContract.VERSION;
        }
    }

    /** A plugin with an id the engine must refuse. */
    static final class InvalidId implements VerdictPlugin {
        @Override
        public String id() {
            return "Not An Id";
        }

        @Override
        public int contractVersion() {
            return VerdictContract.VERSION;
        }

        @Override
        public List<String> ruleTables() {
            return List.of();
        }
    }

    /** A plugin whose {@code contractVersion()} throws. */
    static final class ContractThrows implements VerdictPlugin {
        @Override
        public String id() {
            return "contract-throws";
        }

        @Override
        public int contractVersion() {
            throw new IllegalStateException("boom in contractVersion");
        }
    }

    /** A plugin whose {@code ruleTables()} throws. */
    static final class TablesThrow implements VerdictPlugin {
        @Override
        public String id() {
            return "tables-throw";
        }

        @Override
        public int contractVersion() {
            return VerdictContract.VERSION;
        }

        @Override
        public List<String> ruleTables() {
            throw new IllegalStateException("boom in ruleTables");
        }
    }

    /** A plugin whose {@code ruleTables()} breaks the null policy. */
    static final class TablesNull implements VerdictPlugin {
        @Override
        public String id() {
            return "tables-null";
        }

        @Override
        public int contractVersion() {
            return VerdictContract.VERSION;
        }

        @Override
        public List<String> ruleTables() {
            return null;
        }
    }

    /** A plugin whose {@code priority()} throws. */
    static final class PriorityThrows implements VerdictPlugin {
        @Override
        public String id() {
            return "priority-throws";
        }

        @Override
        public int contractVersion() {
            return VerdictContract.VERSION;
        }

        @Override
        public int priority() {
            throw new IllegalStateException("boom in priority");
        }

        @Override
        public List<String> ruleTables() {
            return List.of();
        }
    }

    /** A plugin whose shipped table is broken (table: broken-table-rules.json). */
    static final class BrokenTable implements VerdictPlugin {
        @Override
        public String id() {
            return "broken-table";
        }

        @Override
        public int contractVersion() {
            return VerdictContract.VERSION;
        }
    }

    /** A plugin whose second table reuses a rule id of its first (tables: fuzzing-rules.json, then a copy). */
    static final class SameRuleTwice implements VerdictPlugin {
        @Override
        public String id() {
            return "fuzzing";
        }

        @Override
        public int contractVersion() {
            return VerdictContract.VERSION;
        }

        @Override
        public List<String> ruleTables() {
            return List.of("fuzzing-rules.json", "fuzzing-rules-again.json");
        }
    }
}
