package io.smtpverdict.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --threads} option of the commands that classify many records: how many classify at once. */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N",
            description = "Classify on N threads at once; output keeps input order (default: the number of "
                    + "processors the JVM sees). 1 reads, classifies and writes on one thread.")
    Optional<Integer> threads = Optional.empty();

    /**
     * The number of classifier threads: the option's value, else the available processors.
     *
     * @throws CliFailure (usage) for a value below 1
     */
    int threads() {
        if (threads.isPresent()) {
            int n = threads.get();
            if (n < 1) {
                throw CliFailure.usage("--threads must be at least 1: " + n);
            }
            return n;
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
