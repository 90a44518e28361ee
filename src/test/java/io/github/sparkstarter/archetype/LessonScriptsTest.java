package io.github.sparkstarter.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rendered scripts as a learner runs them: in a terminal, where bash sets variables of its own. */
class LessonScriptsTest {

    /**
     * drop-sample.sh in a pseudo-terminal of 50 rows, as in a learner's window: bash then sets LINES
     * (and COLUMNS) to the window's size after each command it runs, so a script that kept its own
     * count in LINES dropped pieces as tall as the terminal.
     */
    @Test
    void dropSampleDropsThePiecesItIsToldInATerminal(@TempDir Path project) throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "util-linux's script is not installed");
        ArchetypeTemplates.render(ParameterValidationTest.GOOD, project);
        List<String> sample = IntStream.rangeClosed(1, 23).mapToObj(i -> "line " + i).toList();
        Files.write(project.resolve("data/twenty-three.txt"), sample);

        // script gives the command a terminal; stty sizes it; sleep 0 is an external command, after which bash resets LINES.
        String inTerminal = "stty rows 50 cols 120; sleep 0; bash scripts/drop-sample.sh data/twenty-three.txt 5 target/inbox";
        Process process = new ProcessBuilder(script.toString(), "-qec", inTerminal, "/dev/null")
                .directory(project.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);

        List<Path> pieces;
        try (Stream<Path> files = Files.list(project.resolve("target/inbox"))) {
            pieces = files.sorted().toList();
        }
        assertEquals(5, pieces.size(), output);
        for (Path piece : pieces.subList(0, 4)) {
            assertEquals(5, Files.readAllLines(piece).size(), piece + "\n" + output);
        }
        assertEquals(sample, pieces.stream().flatMap(LessonScriptsTest::lines).toList());
    }

    /** No script assigns a variable that interactive bash owns. */
    @Test
    void noScriptAssignsAVariableBashOwns() throws Exception {
        try (Stream<Path> scripts = Files.list(ArchetypeTemplates.TEMPLATES.resolve("scripts"))) {
            for (Path script : scripts.filter(path -> path.toString().endsWith(".sh")).toList()) {
                for (String line : Files.readAllLines(script)) {
                    assertTrue(!line.strip().matches("(export +)?(LINES|COLUMNS|RANDOM|SECONDS|PWD|OLDPWD|HOSTNAME|PPID|UID|EUID|BASHPID|IFS|OPTIND|PIPESTATUS|HISTFILE)=.*"),
                            script.getFileName() + ": " + line);
                }
            }
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
