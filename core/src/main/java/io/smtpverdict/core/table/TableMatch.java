package io.smtpverdict.core.table;

import io.smtpverdict.spi.Stage;
import java.util.List;

/**
 * A rule's conditions as written; every condition present must hold. A phrase list may name one of the table's
 * {@link TableFile#phraseLists phrase lists} as {@code @name}: the loader puts the list's phrases in its place.
 *
 * @param template vendor message with placeholders
 * @param anchored whether the template must cover the whole text (default true)
 * @param optionalTail template text after the template that a text may lack (cut before it)
 * @param phrases at least one must occur
 * @param allPhrases every one must occur
 * @param notPhrases none may occur
 * @param phraseGroups lists of phrases, each of which must have at least one of its phrases occur: "one of these
 *     subjects and one of these predicates" in one rule
 * @param regex an RE2 pattern searched in the folded text
 * @param codes basic reply codes
 * @param classes reply class digits
 * @param enhancedCodes enhanced code patterns: {@code 5.1.1}, {@code X.1.1}, {@code 5.1.*}, {@code X.1.*}
 * @param stages SMTP stages
 * @param noCode whether the text must carry no basic code
 * @param message the reply's text after its leading codes is exactly one of these
 */
public record TableMatch(String template, Boolean anchored, String optionalTail, List<String> phrases,
        List<String> allPhrases, List<String> notPhrases, List<List<String>> phraseGroups, String regex,
        List<Integer> codes, List<Integer> classes, List<String> enhancedCodes, List<Stage> stages, Boolean noCode,
        List<String> message) {
}
