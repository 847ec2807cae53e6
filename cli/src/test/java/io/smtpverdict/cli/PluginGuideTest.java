package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the walk-through of docs/writing-a-plugin.md true as written: every file it shows is, byte for byte, the
 * file of the example project (which the docs module builds and tests with the invoker), its layout lists exactly
 * the example's files, its install command names a module of this build, and its {@code plugins} sample counts the
 * example's rules.
 */
final class PluginGuideTest {
    private static final Path ROOT = Path.of("..");
    private static final Path GUIDE = ROOT.resolve("docs/writing-a-plugin.md");
    private static final Path EXAMPLE = ROOT.resolve("docs/examples/acme-mta");
    /** What the example holds besides the plugin the guide builds: its README and the build's post-build check. */
    private static final List<String> NOT_IN_THE_GUIDE = List.of("README.md", "verify.groovy");
    private static final Pattern FILE_BLOCK =
            Pattern.compile("File `acme-mta/([^`]+)`[^\\n]*:\\n\\n```\\w*\\n(.*?)```\\n", Pattern.DOTALL);

    @Test
    void guide_everyFileShown_isTheExampleFile() throws IOException {
        Map<String, String> shown = filesShown(Files.readString(GUIDE));

        assertThat(shown).isNotEmpty();
        assertThat(differences(shown, EXAMPLE)).isEmpty();
    }

    @Test
    void differences_guideBlockEditedAwayFromTheExample_isReported() throws IOException {
        String guide = Files.readString(GUIDE).replace("acme.suppressed\n", "acme.suppressed-renamed\n");

        assertThat(differences(filesShown(guide), EXAMPLE))
                .containsExactly("src/test/resources/com/example/acme/acme-rule-ids.txt");
    }

    @Test
    void guide_layoutAndFilesShown_coverEveryFileOfTheExample() throws IOException {
        String guide = Files.readString(GUIDE);
        List<String> example;
        try (Stream<Path> walk = Files.walk(EXAMPLE)) {
            example = walk.filter(Files::isRegularFile).map(p -> EXAMPLE.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("target/") && !NOT_IN_THE_GUIDE.contains(p))
                    .sorted().collect(Collectors.toList());
        }
        Matcher layout = Pattern.compile("```\\nacme-mta/\\n(.*?)```", Pattern.DOTALL).matcher(guide);
        assertThat(layout.find()).as("the guide's layout block").isTrue();
        List<String> listed = layout.group(1).lines().map(String::strip).filter(l -> !l.isEmpty()).sorted()
                .collect(Collectors.toList());

        assertThat(listed).isEqualTo(example);
        assertThat(new TreeSet<>(filesShown(guide).keySet())).containsExactlyElementsOf(example);
    }

    @Test
    void guide_installCommand_namesAModuleOfThisBuild() throws IOException {
        Matcher command = Pattern.compile("\\./mvnw -B install -pl (\\S+) -am").matcher(Files.readString(GUIDE));
        assertThat(command.find()).as("the guide's install command").isTrue();

        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<module>" + command.group(1) + "</module>");
    }

    @Test
    void guide_pluginsSample_countsTheExampleRules() throws IOException {
        Matcher row = Pattern.compile("(?m)^acme +\\S+ +\\d+ +\\d+ +(\\d+) ").matcher(Files.readString(GUIDE));
        assertThat(row.find()).as("the acme row of the guide's plugins sample").isTrue();
        int rules = new ObjectMapper().readTree(EXAMPLE.resolve("src/main/resources/com/example/acme/acme-rules.json")
                .toFile()).get("rules").size();

        assertThat(Integer.parseInt(row.group(1))).isEqualTo(rules);
    }

    private static Map<String, String> filesShown(String guide) {
        Map<String, String> shown = new LinkedHashMap<>();
        Matcher m = FILE_BLOCK.matcher(guide);
        while (m.find()) {
            shown.put(m.group(1), m.group(2));
        }
        return shown;
    }

    private static List<String> differences(Map<String, String> shown, Path example) throws IOException {
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, String> file : shown.entrySet()) {
            Path path = example.resolve(file.getKey());
            if (!Files.isRegularFile(path) || !Files.readString(path).equals(file.getValue())) {
                differ.add(file.getKey());
            }
        }
        return differ;
    }
}
