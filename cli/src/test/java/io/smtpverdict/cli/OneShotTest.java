package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class OneShotTest {
    @Test
    void applies_classifyWithPlainReplies_isTrue() {
        assertThat(OneShot.applies(new String[] {"classify", "550 5.1.1 user unknown"})).isTrue();
        assertThat(OneShot.applies(new String[] {"classify", "550 5.1.1 x", "", "421 4.7.0 later"})).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--format=text", "-f", "--", "--explain", "-v", "@args.txt", "--rules=x.json"})
    void applies_anyOptionOrArgumentFile_isFalse(String arg) {
        assertThat(OneShot.applies(new String[] {"classify", "550 5.1.1 user unknown", arg})).isFalse();
    }

    @Test
    void applies_noReplyOrOtherCommand_isFalse() {
        assertThat(OneShot.applies(new String[] {"classify"})).isFalse();
        assertThat(OneShot.applies(new String[] {"explain", "550"})).isFalse();
        assertThat(OneShot.applies(new String[] {"stats", "550 x"})).isFalse();
        assertThat(OneShot.applies(new String[0])).isFalse();
    }

    @Test
    void classify_plainReplies_writesWhatPicocliWrites() {
        String[] args = {"classify", "550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown",
            "421 4.7.0 Try again later, closing connection.", "", "\u0000\u00ff binary"};
        assertThat(OneShot.applies(args)).isTrue();

        assertThat(oneShot(args)).isEqualTo(picocli(args));
    }

    @Test
    void classify_replyThatIsAFile_failsAsPicocliDoes(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bounces.log"), "550 5.1.1 user unknown\n");
        String[] args = {"classify", file.toString()};

        TestingCli.Result quick = oneShot(args);
        assertThat(quick.exitCode()).isEqualTo(CliFailure.USAGE);
        assertThat(quick.err()).contains("is a file, not a reply").contains("verdict classify --help");
        assertThat(quick).isEqualTo(picocli(args));
    }

    private static TestingCli.Result oneShot(String[] args) {
        return TestingCli.run(args);
    }

    /** The same arguments through picocli's model, as every other command line takes them. */
    private static TestingCli.Result picocli(String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = VerdictCli.commandLine(CliEnvironment.batch(new ByteArrayInputStream(new byte[0])), out, err);
        int code = cmd.execute(args);
        cmd.getOut().flush();
        cmd.getErr().flush();
        return new TestingCli.Result(code, out.toString(), err.toString());
    }
}
