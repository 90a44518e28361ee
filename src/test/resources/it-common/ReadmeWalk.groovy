// The course walked as a learner walks it: a project just generated, nothing built, the commands of
// its README run in README order, as written, each in a terminal of its own (a pseudo-terminal with
// a window size, as `script` gives), typing and pressing Ctrl-C where the README says so, and
// checking that what the README says will be seen is seen. Each verify.groovy loads this file with
// GroovyShell.parse and calls walk().
//
// What to do with a block is read from the README itself: a block of commands with no marker is run
// line by line, each line to its end with status 0. Any other block says what to do in an HTML
// comment just before it (invisible on the rendered page), one marker form for all:
//
//   <!-- walk: STEP; STEP; ... -->        steps, in order:
//     start T               run the block's one command in a new terminal T, left running
//     until T "text"        wait until T has printed text
//     type T "text"         type text and Enter in T
//     ctrl-c T, ctrl-d T    press Ctrl-C (a real SIGINT, through the terminal) or Ctrl-D in T
//     ends T [N]            wait for T to end, with status N (0 unless given)
//     kill-9 T              kill -9 the process id T printed ("Process id N"), as the block shows
//     seen T                every line of this block (output, not commands) appears in T's output;
//                           numbers may differ, and a lone N stands for any number
//     run [N]               run the block's lines, each to its end with status N (0 unless given)
//     expect "text"         after run: the output contains text
//   <!-- walk: skip: why -->              not walked, and why
//
// A block whose lines start as commands do (mvn, ./mvnw, scripts/, java, kill, ...) must be walked
// or marked skip: a command the walk cannot see is a command nobody checks.
import java.util.concurrent.TimeUnit
import java.util.regex.Matcher
import java.util.regex.Pattern

class Terminal {
    static final Pattern ESCAPES = ~/\u001B\[[0-9;?]*[A-Za-z]|\u001B[()][A-Z0-9]|\r/
    final String name
    final String command
    final Process process
    private final StringBuffer raw = new StringBuffer()
    private final Thread pump
    final File transcript
    /** What the same terminal window showed before this command: a learner scrolls back to it. */
    final String before

    Terminal(String name, String command, File dir, File wrapper, File transcript, String before = '') {
        this.name = name
        this.command = command
        this.transcript = transcript
        this.before = before
        // script gives the command a pseudo-terminal of its own (its session's controlling
        // terminal), so Ctrl-C typed into it is a SIGINT from the terminal, as for a learner.
        ProcessBuilder builder = new ProcessBuilder('script', '-qfec', wrapper.path, '/dev/null')
                .directory(dir).redirectErrorStream(true)
        builder.environment().put('WALK_COMMAND', command)
        process = builder.start()
        pump = Thread.start("walk-${name}") {
            Reader reader = new InputStreamReader(process.inputStream, 'UTF-8')
            char[] buffer = new char[8192]
            int read
            while ((read = reader.read(buffer)) >= 0) {
                synchronized (raw) {
                    raw.append(buffer, 0, read)
                }
            }
        }
    }

    String output() {
        synchronized (raw) {
            raw.toString().replaceAll(ESCAPES, '')
        }
    }

    boolean isAlive() {
        process.alive
    }

    void type(String text) {
        process.outputStream.write((text + '\n').getBytes('UTF-8'))
        process.outputStream.flush()
    }

    void press(int control) {
        process.outputStream.write(control)
        process.outputStream.flush()
    }

    /** Waits for the end; the status is the command's (script -e). Null if it has not ended in time. */
    Integer awaitEnd(long seconds) {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            return null
        }
        pump.join(10_000)
        transcript.setText(output(), 'UTF-8')
        process.exitValue()
    }

    /** Ends it and everything it started, as closing a terminal window would, then harder. */
    void close() {
        if (process.alive) {
            press(3)
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.toHandle().descendants().each { it.destroyForcibly() }
                process.destroyForcibly()
                process.waitFor(30, TimeUnit.SECONDS)
            }
        }
        pump.join(10_000)
        transcript.setText(output(), 'UTF-8')
    }
}

class Block {
    String section
    int line
    List<String> lines
    String marker
}

/**
 * What each terminal runs: a window size, and SIGINT as a terminal gives it (a process started in
 * the background by a build inherits it ignored, and Ctrl-C would then prove nothing).
 */
File terminalWrapper(File folder) {
    File wrapper = new File(folder, 'terminal.sh')
    wrapper.setText('#!/bin/bash\nstty rows 40 cols 120\n'
            + 'exec perl -e \'$SIG{INT} = "DEFAULT"; exec @ARGV or die "cannot run: $!"\' bash -c "$WALK_COMMAND"\n', 'UTF-8')
    wrapper.setExecutable(true)
    wrapper
}

/** The README's code blocks (indented or fenced) with the section each is in and the walk marker before it. */
List<Block> blocks(List<String> readme) {
    List<Block> found = []
    String section = '(top)'
    String marker = null
    int i = 0
    while (i < readme.size()) {
        String line = readme[i]
        if (i + 1 < readme.size() && line.trim() && readme[i + 1] ==~ /(-+|=+)/ && !line.startsWith('    ')) {
            section = line.trim()
            marker = null
            i += 2
            continue
        }
        Matcher walkMarker = line =~ /^<!-- walk: (.*) -->$/
        if (walkMarker.matches()) {
            marker = walkMarker.group(1).trim()
            i++
            continue
        }
        boolean afterBlank = i == 0 || !readme[i - 1].trim() || readme[i - 1] ==~ /^<!-- walk: .* -->$/
        if (line.startsWith('```')) {
            String language = line.substring(3).trim()
            int end = (i + 1..<readme.size()).find { readme[it].startsWith('```') } ?: readme.size()
            if (!language || language in ['sh', 'bash', 'shell', 'console']) {
                found << new Block(section: section, line: i + 1, lines: readme.subList(i + 1, end), marker: marker)
            }
            marker = null
            i = end + 1
            continue
        }
        if (line.startsWith('    ') && afterBlank && line.trim()) {
            int end = i
            while (end < readme.size() && (readme[end].startsWith('    ') || !readme[end].trim()
                    && end + 1 < readme.size() && readme[end + 1].startsWith('    '))) {
                end++
            }
            found << new Block(section: section, line: i + 1, lines: readme.subList(i, end).collect { it.substring(Math.min(4, it.length())) },
                    marker: marker)
            marker = null
            i = end
            continue
        }
        if (line.trim() && !line.startsWith('<!--')) {
            marker = null
        }
        i++
    }
    found
}

boolean isCommand(String line) {
    line ==~ /^(\.\/mvnw|mvnw\.cmd|mvn|scripts\/|java|javac|kill|rm|cp|mv|cd|nc|jps|curl|open|git)(\s.*|$)/
}

/** The steps of a marker: each a list of words, quoted text kept whole. */
List<List<String>> steps(String marker) {
    marker.split(';').collect { String step ->
        List<String> words = []
        Matcher word = step =~ /"([^"]*)"|(\S+)/
        while (word.find()) {
            words << (word.group(1) != null ? word.group(1) : word.group(2))
        }
        words
    }.findAll { it }
}

/** A line of output the README shows, as a pattern: numbers may differ, a lone N is any number. */
Pattern shown(String line) {
    String trimmed = line.trim()
    StringBuilder regex = new StringBuilder()
    Matcher number = trimmed =~ /\d+|\bN\b/
    int from = 0
    while (number.find()) {
        regex.append(Pattern.quote(trimmed.substring(from, number.start()))).append('\\d+')
        from = number.end()
    }
    Pattern.compile(regex.append(Pattern.quote(trimmed.substring(from))).toString())
}

/** Stack-trace lines: the learner must never meet one in what the README has them do. */
List<String> traces(String output) {
    output.readLines().findAll { it ==~ /^\s+at [\w.$]+\(.*\)\s*$/ || it ==~ /^Caused by: .*/ }
}

/**
 * Walks README.md of a project just generated in dir. Prints each section's time and the total;
 * fails, with every terminal's transcript kept under dir/../walk-transcripts, at the first step that
 * does not do what the README says.
 */
void walk(File dir, String label) {
    File transcripts = new File(dir.parentFile, "walk-transcripts-${label}")
    transcripts.deleteDir()
    transcripts.mkdirs()
    File wrapper = terminalWrapper(transcripts)

    List<Block> all = blocks(new File(dir, 'README.md').readLines('UTF-8'))
    List<Block> unmarked = all.findAll { it.marker == null && it.lines.any { isCommand(it.trim()) } && !it.lines.every { !it.trim() || isCommand(it.trim()) } }
    assert !unmarked: "README blocks that mix commands and other lines need a <!-- walk: ... --> marker: ${unmarked.collect { it.line }}"

    Map<String, Terminal> terminals = [:]
    Map<String, Long> sectionSeconds = new LinkedHashMap<>()
    int started = 0
    long walkStart = System.nanoTime()
    String current = null
    long sectionStart = walkStart
    Closure<String> transcriptOf = { Terminal t -> "--- terminal ${t.name} (${t.command}):\n${t.output().readLines().takeRight(80).join('\n')}" }
    Closure<Void> fail = { String what ->
        throw new AssertionError("README walk (${label}): ${what}\n${terminals.values().collect { transcriptOf(it) }.join('\n')}".toString())
    }
    Closure<Terminal> terminal = { String name ->
        Terminal t = terminals[name]
        if (t == null) {
            fail("no terminal named ${name} was started")
        }
        t
    }
    Closure<Void> awaitText = { Terminal t, String what, Closure<Boolean> seen ->
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300)
        while (!seen(t.output())) {
            if (!t.alive) {
                t.awaitEnd(10) // and so all it printed is read
                if (!seen(t.output())) {
                    fail("terminal ${t.name} ended without printing ${what}")
                }
                return
            }
            if (System.nanoTime() > deadline) {
                fail("terminal ${t.name} did not print ${what} within 300 s")
            }
            Thread.sleep(200)
        }
    }
    Closure<Void> checkEnded = { Terminal t, int status ->
        Integer ended = t.awaitEnd(300)
        if (ended == null) {
            fail("terminal ${t.name} did not end within 300 s")
        }
        if (ended != status) {
            fail("terminal ${t.name} ended with status ${ended}, the README expects ${status}")
        }
        List<String> traced = traces(t.output())
        if (traced) {
            fail("terminal ${t.name} printed a stack trace: ${traced.take(3)}")
        }
    }
    try {
        all.each { Block block ->
            if (block.section != current) {
                if (current != null) {
                    sectionSeconds[current] = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sectionStart)
                }
                current = block.section
                sectionStart = System.nanoTime()
            }
            List<String> commands = block.lines.findAll { it.trim() }
            String marker = block.marker
            if (marker == null) {
                if (!commands.every { isCommand(it.trim()) }) {
                    return // output or code shown, not something to run
                }
                marker = 'run'
            }
            if (marker.startsWith('skip:')) {
                assert marker.substring(5).trim(): "README line ${block.line}: a skipped block says why"
                println "walk (${label}): line ${block.line} not walked: ${marker.substring(5).trim()}"
                return
            }
            steps(marker).each { List<String> step ->
                String verb = step[0]
                switch (verb) {
                    case 'start':
                        assert commands.size() == 1: "README line ${block.line}: start runs a block of one command"
                        if (terminals[step[1]]?.alive) {
                            fail("terminal ${step[1]} is still running when README line ${block.line} starts another")
                        }
                        terminals[step[1]] = new Terminal(step[1], commands[0].trim(), dir, wrapper,
                                new File(transcripts, String.format('%02d-%s.txt', ++started, step[1])),
                                terminals[step[1]] ? terminals[step[1]].before + terminals[step[1]].output() : '')
                        println "walk (${label}): [${step[1]}] \$ ${commands[0].trim()}"
                        break
                    case 'until':
                        awaitText(terminal(step[1]), "'${step[2]}'") { String out -> out.contains(step[2]) }
                        break
                    case 'type':
                        terminal(step[1]).type(step[2])
                        break
                    case 'ctrl-c':
                        terminal(step[1]).press(3)
                        break
                    case 'ctrl-d':
                        terminal(step[1]).press(4)
                        break
                    case 'ends':
                        checkEnded(terminal(step[1]), step.size() > 2 ? step[2] as int : 0)
                        break
                    case 'kill-9':
                        Terminal t = terminal(step[1])
                        awaitText(t, 'its process id') { String out -> out =~ /Process id \d+/ }
                        String pid = (t.output() =~ /Process id (\d+)/)[0][1]
                        assert commands.size() == 1 && commands[0].trim().startsWith('kill -9'): "README line ${block.line}: kill-9 goes with a block 'kill -9 ...'"
                        assert ['kill', '-9', pid].execute().waitFor() == 0: "kill -9 ${pid}"
                        println "walk (${label}): [${step[1]}] kill -9 ${pid}"
                        if (t.awaitEnd(60) == null) {
                            fail("terminal ${t.name} still runs after kill -9 ${pid}")
                        }
                        break
                    case 'seen':
                        Terminal t = terminal(step[1])
                        List<Pattern> patterns = commands.collect { shown(it) }
                        awaitText(t, "the README's lines at line ${block.line}") { String out ->
                            List<String> printed = (t.before + out).readLines()*.trim()
                            patterns.every { Pattern p -> printed.any { p.matcher(it).find() } }
                        }
                        break
                    case 'run':
                        int status = step.size() > 1 ? step[1] as int : 0
                        commands.each { String command ->
                            Terminal t = new Terminal('run', command.trim(), dir, wrapper,
                                    new File(transcripts, String.format('%02d-run.txt', ++started)))
                            terminals['run'] = t
                            println "walk (${label}): \$ ${command.trim()}"
                            checkEnded(t, status)
                        }
                        break
                    case 'expect':
                        awaitText(terminal('run'), "'${step[1]}'") { String out -> out.contains(step[1]) }
                        break
                    default:
                        fail("README line ${block.line}: unknown walk step '${verb}'")
                }
            }
        }
        sectionSeconds[current] = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sectionStart)
        List<Terminal> left = terminals.values().findAll { it.alive && it.name != 'run' }
        if (left) {
            fail("the README leaves running: ${left*.name} (it should say how each ends)")
        }
        terminals.values().each { Terminal t ->
            List<String> traced = traces(t.output())
            if (traced) {
                fail("terminal ${t.name} printed a stack trace: ${traced.take(3)}")
            }
        }
    } finally {
        terminals.values().each { it.close() }
    }
    List<String> left = processesIn(dir, 30)
    assert !left: "README walk (${label}): processes still running in the project after the walk: ${left}"
    sectionSeconds.each { section, seconds -> println "walk (${label}): ${section}: ${seconds} s" }
    println "walk (${label}): total ${TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - walkStart)} s"
}

/** A project generated afresh beside the tested one, with the same parameters: nothing built yet. */
File generateAgain(File projectDir, Map<String, String> archetype, String mvn) {
    File properties = new File(projectDir, "../../archetype.properties")
    Properties parameters = new Properties()
    properties.withReader('UTF-8') { parameters.load(it) }
    File home = new File(projectDir.parentFile, 'walk')
    home.deleteDir()
    home.mkdirs()
    List<String> command = [mvn, '-B', '-q', archetype.plugin, '-DarchetypeCatalog=local',
            "-DarchetypeGroupId=${archetype.groupId}", "-DarchetypeArtifactId=${archetype.artifactId}",
            "-DarchetypeVersion=${archetype.version}"].collect { it.toString() }
    parameters.each { key, value -> command << "-D${key}=${value}".toString() }
    Process generate = new ProcessBuilder(command).directory(home).redirectErrorStream(true).start()
    String said = generate.inputStream.getText('UTF-8')
    assert generate.waitFor(120, TimeUnit.SECONDS) && generate.exitValue() == 0: said
    new File(home, parameters.getProperty('artifactId'))
}

/**
 * The processes whose working directory is dir (Linux /proc), once those that end within the given
 * seconds have ended: what a script or lesson left running.
 */
List<String> processesIn(File dir, long seconds) {
    String path = dir.canonicalPath
    // Not this JVM nor what started it, which may have been started in dir.
    Set<String> ours = [] as Set
    for (Optional<ProcessHandle> p = Optional.of(ProcessHandle.current()); p.present; p = p.get().parent()) {
        ours << String.valueOf(p.get().pid())
    }
    Closure<List<String>> running = {
        new File('/proc').listFiles().findAll { it.name ==~ /\d+/ && !(it.name in ours) }.findResults { File process ->
            try {
                String cwd = java.nio.file.Files.readSymbolicLink(new File(process, 'cwd').toPath()).toString()
                cwd == path ? "${process.name}: ${new File(process, 'cmdline').text.replace('\u0000' as char, ' ' as char).take(200)}".toString() : null
            } catch (IOException gone) {
                null
            }
        }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
    List<String> found = running()
    while (found && System.nanoTime() < deadline) {
        Thread.sleep(200)
        found = running()
    }
    found
}

/**
 * Ctrl-C pressed in a pseudo-terminal while command runs, once it has printed text: it must end with
 * status 130, say so without a stack trace, and leave no process of its own running in dir.
 */
String pressCtrlCDuring(File dir, String command, String text) {
    File transcripts = new File(dir.parentFile, 'walk-transcripts-ctrl-c')
    transcripts.deleteDir()
    transcripts.mkdirs()
    File wrapper = terminalWrapper(transcripts)
    Terminal t = new Terminal('ctrl-c', command, dir, wrapper, new File(transcripts, 'ctrl-c.txt'))
    try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300)
        while (!t.output().contains(text)) {
            assert t.alive && System.nanoTime() < deadline: "${command} did not print '${text}':\n${t.output()}"
            Thread.sleep(200)
        }
        t.press(3)
        Integer status = t.awaitEnd(120)
        assert status == 130: "${command} after Ctrl-C: status ${status}\n${t.output()}"
        assert !traces(t.output()): t.output()
    } finally {
        t.close()
    }
    List<String> left = processesIn(dir, 30)
    assert !left: "${command} left processes running after Ctrl-C: ${left}\n${t.output()}"
    t.output()
}
