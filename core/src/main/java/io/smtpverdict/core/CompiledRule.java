package io.smtpverdict.core;

import com.google.re2j.Pattern;
import io.smtpverdict.core.match.Template;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Party;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Stage;
import java.util.List;
import java.util.Set;

/** One rule compiled for matching: key ids into the automaton, code sets as arrays, the verdict to give. */
final class CompiledRule {
    final String plugin;
    final String id;
    final EvidenceLevel level;
    final boolean user;
    final int order;
    final RuleRef ref;
    int rank;

    // conditions
    Template template;
    boolean anchored = true;
    int[] anyKeys;
    int[] allKeys;
    int[] notKeys;
    int[] messageKeys;
    String[] messages;
    int[] messageCodes;
    io.smtpverdict.spi.EnhancedStatusCode[] messageEnhanced;
    Pattern regex;
    int[] codes;
    int classMask;
    int[][] enhanced;
    int stageMask;
    boolean noCode;
    int staticSpecificity;

    // verdict
    Category category;
    Outcome outcome;
    boolean outcomeFixed;
    Advice advice;
    Party party;
    Origin origin;
    Stage stage;
    String reason;
    Set<Flag> flags = Set.of();
    boolean inherit = true;
    String explanation;
    List<String> examples = List.of();
    String source;
    String summary;
    List<Integer> codeList = List.of();
    List<String> enhancedList = List.of();
    List<Stage> stageList = List.of();

    CompiledRule(String plugin, String id, EvidenceLevel level, boolean user, int order) {
        this.plugin = plugin;
        this.id = id;
        this.level = level;
        this.user = user;
        this.order = order;
        this.ref = new RuleRef(plugin, id, level);
    }


    RuleInfo info() {
        return new RuleInfo(plugin, id, level, summary, java.util.Optional.ofNullable(category),
                java.util.Optional.ofNullable(outcome), outcomeFixed, java.util.Optional.ofNullable(advice),
                explanation, java.util.Optional.ofNullable(source), examples, order, codeList, enhancedList, stageList);
    }
}
