package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the documentation true: the checked-in catalog is current, and every relative link resolves. */
final class DocsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    @Test
    void catalog_checkedIn_isWhatVerdictCatalogPrintsNow() throws IOException {
        TestingCli.Result result = TestingCli.run("catalog");
        assertThat(result.exitCode()).isZero();
        String checkedIn = Files.readString(ROOT.resolve("docs/catalog.md"));
        assertThat(checkedIn)
                .as("docs/catalog.md is stale: regenerate it with ./verdict catalog > docs/catalog.md")
                .isEqualTo(result.out());
    }

    @Test
    void markdown_everyRelativeLinkAndAnchorResolves() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> walk = Files.walk(ROOT.resolve("docs"))) {
            walk.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .forEach(docs::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path doc : docs) {
            String text = withoutCodeBlocks(Files.readString(doc));
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http, https, mailto: not checked offline
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md")
                        && !anchors(Files.readString(resolved)).contains(anchor)) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(docs).hasSizeGreaterThan(5);
        assertThat(broken).as("broken links").isEmpty();
    }

    private static String withoutCodeBlocks(String markdown) {
        return markdown.replaceAll("(?s)```.*?```", "");
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
    static Set<String> anchors(String markdown) {
        Set<String> out = new HashSet<>();
        for (String line : withoutCodeBlocks(markdown).split("\n")) {
            Matcher h = HEADING.matcher(line);
            if (!h.matches()) {
                continue;
            }
            String slug = h.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            String candidate = slug;
            for (int i = 1; !out.add(candidate); i++) {
                candidate = slug + "-" + i;
            }
        }
        return out;
    }
}
