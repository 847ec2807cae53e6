package io.smtpverdict.core.testing;

import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/** Plugins for failure tests: one built against a newer contract, one that throws, one that shares an id. */
public final class TestingPluginFactory {
    private TestingPluginFactory() {
    }

    /** A plugin claiming a contract version newer than the engine's. */
    public static final class FromTheFuture implements VerdictPlugin {
        @Override
        public String id() {
            return "future";
        }

        @Override
        public int contractVersion() {
            return 99;
        }

        @Override
        public List<String> ruleTables() {
            return List.of();
        }
    }

    /** A provider whose constructor throws. */
    public static final class Throwing implements VerdictPlugin {
        /** Always fails. */
        public Throwing() {
            throw new IllegalStateException("boom in constructor");
        }

        @Override
        public String id() {
            return "throwing";
        }

        @Override
        public int contractVersion() {
            return 1;
        }
    }

    /** Another plugin calling itself "testing". */
    public static final class Impostor implements VerdictPlugin {
        @Override
        public String id() {
            return "testing";
        }

        @Override
        public int contractVersion() {
            return 1;
        }

        @Override
        public List<String> ruleTables() {
            return List.of();
        }
    }

    /** A plugin whose table does not exist. */
    public static final class MissingTable implements VerdictPlugin {
        @Override
        public String id() {
            return "missing";
        }

        @Override
        public int contractVersion() {
            return 1;
        }
    }
}
