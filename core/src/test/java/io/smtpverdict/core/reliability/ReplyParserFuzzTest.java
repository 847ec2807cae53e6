package io.smtpverdict.core.reliability;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.smtpverdict.core.parse.ParsedReply;
import io.smtpverdict.core.parse.ReplyParser;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the reply parser. Without JAZZER_FUZZ it replays every seed message and corpus diagnostic, and every
 * input that ever failed (ReplyParserFuzzTestInputs/parse); with it, Jazzer mutates them (docs/reliability.md).
 */
final class ReplyParserFuzzTest {
    static Stream<byte[]> seeds() {
        return Inputs.allAsBytes();
    }

    @MethodSource("seeds")
    @DictionaryEntries({"550", "5.1.1", "(#5.1.2)", "[#4.16.5]", "Diagnostic-Code: smtp; ", "said: ", "421-",
        "Remote host said: "})
    @FuzzTest(maxDuration = "10s")
    void parse(byte[] data) {
        String input = Inputs.decode(data);
        Invariants.parsed(input, 65_536);
        Invariants.parsed(input, 256);
        ParsedReply prefixed = ReplyParser.parse("550 5.1.1 " + input, 65_536);
        Invariants.check(input, prefixed.basicCode() == 550 && "5.1.1".equals(String.valueOf(prefixed.enhancedCode())),
                "a leading 550 5.1.1 must win over anything after it");
    }
}
