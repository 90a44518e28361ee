// Checks that both archetype integration tests run on the project they generated and built. Each
// verify.groovy loads this file with GroovyShell.parse and calls its methods.
import java.util.concurrent.TimeUnit

import groovy.io.FileType

/** The archetype's coordinates and this build's versions, stamped in when test resources are copied. */
Map<String, String> archetype() {
    [groupId: '@project.groupId@', artifactId: '@project.artifactId@', version: '@project.version@',
     plugin: 'org.apache.maven.plugins:maven-archetype-plugin:@archetype.version@:generate']
}

File repository(File projectDir) {
    // <repository>/target/test-classes/projects/<case>/project/<artifactId>
    new File(projectDir, '../../../../../..').canonicalFile
}

String mvn() {
    new File(System.getProperty('maven.home'), 'bin/mvn').path
}

/** The JDK 25 that .ci/run found (JAVA25_HOME), or null: then the Java 25 checks say they were skipped. */
File java25() {
    String home = System.getenv('JAVA25_HOME')
    if (!home) {
        println 'Java 25 checks skipped: JAVA25_HOME is not set (.ci/run sets it when a JDK 25 is installed)'
        return null
    }
    File java = new File(home, 'bin/java')
    assert java.canExecute(): "JAVA25_HOME=${home} has no bin/java"
    java
}

/**
 * samples/<name> must hold exactly what the plugin generated now, byte for byte and executable bit
 * for executable bit; else it is stale and src/samples/refresh.sh renders it afresh.
 */
void sampleIsFresh(File projectDir, String name) {
    File sample = new File(repository(projectDir), "samples/${name}")
    String refresh = "samples/${name} is stale: run src/samples/refresh.sh and commit the result"
    SortedSet<String> fresh = filesOf(projectDir)
    SortedSet<String> kept = filesOf(sample)
    if (kept != fresh) {
        throw new AssertionError("${refresh} (files differ: ${(kept - fresh) + (fresh - kept)})".toString())
    }
    String changed = fresh.find { path ->
        new File(sample, path).bytes != new File(projectDir, path).bytes
                || new File(sample, path).canExecute() != new File(projectDir, path).canExecute()
    }
    if (changed) {
        throw new AssertionError("${refresh} (${changed} differs, in its text or its executable bit)".toString())
    }
}

/** The files of a generated project, without what building it made: target/, and the test's build.log. */
SortedSet<String> filesOf(File root) {
    SortedSet<String> files = new TreeSet<>()
    root.eachFileRecurse(FileType.FILES) { file ->
        String path = root.toPath().relativize(file.toPath()).toString()
        if (!path.startsWith('target/') && path != 'build.log') {
            files << path
        }
    }
    files
}

/**
 * A PATH as this one but without some programs, as on a machine that lacks them: a folder under
 * target/ with a link to each other program of this PATH. hidden: names such as ~/nc(\..*)?/.
 */
String pathWithout(File dir, String name, java.util.regex.Pattern hidden) {
    java.nio.file.Path links = new File(dir, "target/path-without-${name}").toPath()
    links.toFile().deleteDir()
    java.nio.file.Files.createDirectories(links)
    System.getenv('PATH').split(File.pathSeparator).each { String entry ->
        new File(entry).listFiles()?.each { File program ->
            java.nio.file.Path link = links.resolve(program.name)
            if (!(program.name ==~ hidden) && program.isFile() && program.canExecute()
                    && !java.nio.file.Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                java.nio.file.Files.createSymbolicLink(link, program.toPath().toAbsolutePath())
            }
        }
    }
    links.toString()
}

int freePort() {
    new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
}

void await(String what, long seconds, Closure<Boolean> condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
    while (!condition()) {
        assert System.nanoTime() < deadline: "timed out after ${seconds}s waiting for ${what}"
        Thread.sleep(100)
    }
}

/**
 * Whether a port is in LISTEN state (Linux /proc), checked without connecting: a probe connection
 * would take the data meant for the app.
 */
boolean listening(int port) {
    String hexPort = String.format(':%04X', port)
    ['/proc/net/tcp', '/proc/net/tcp6'].any { table ->
        File file = new File(table)
        file.exists() && file.readLines().drop(1).collect { it.trim().split(/\s+/) }.any { it[1].endsWith(hexPort) && it[3] == '0A' }
    }
}

/** Waits for the process under test to connect to the server; fails at once if it has died. */
Socket accept(ServerSocket server, Process process, StringBuffer output, long seconds) {
    server.soTimeout = 1_000
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
    while (true) {
        try {
            return server.accept()
        } catch (SocketTimeoutException notYet) {
            assert process.alive && System.nanoTime() < deadline: "it never connected:\n${output}"
        }
    }
}

Process start(File dir, List<String> command, Map<String, String> environment = [:]) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
    builder.environment().putAll(environment)
    builder.start()
}

String run(File dir, List<String> command, Map<String, String> environment = [:], long seconds = 600) {
    Process process = start(dir, command, environment)
    StringBuffer output = new StringBuffer()
    process.consumeProcessOutputStream(output)
    assert process.waitFor(seconds, TimeUnit.SECONDS): "${command} hangs:\n${output}"
    process.waitForProcessOutput()
    assert process.exitValue() == 0: "${command} failed:\n${output}"
    output.toString()
}

/**
 * The smoke test: the real scripts/netcat-server.sh, the app started by scripts/run.sh (the jar
 * that mvn verify built, with the flags of .mvn/jvm.config), lines typed into the server reach the
 * console, and closing the server ends the app with status 0. Returns what the app printed.
 */
String smokeTest(File dir, String host, Map<String, String> environment = [:]) {
    int port = freePort()
    Process server = start(dir, ['scripts/netcat-server.sh', String.valueOf(port)])
    StringBuffer serverOutput = new StringBuffer()
    server.consumeProcessOutputStream(serverOutput)
    Process app = null
    try {
        await("the line server on port ${port}", 30) { listening(port) }
        app = start(dir, ['scripts/run.sh', host, String.valueOf(port)], environment)
        StringBuffer appOutput = new StringBuffer()
        app.consumeProcessOutputStream(appOutput)
        await('the app to start streaming', 120) { appOutput.contains('Streaming from') || !app.alive }
        server.outputStream.withWriter('UTF-8') { it.write('hello from netcat\nnon-ASCII: grüße 你好\n') }
        await('the lines in the console output', 60) { appOutput.contains('non-ASCII: grüße 你好') || !app.alive }
        assert appOutput.contains('hello from netcat'): appOutput
        server.destroy()
        assert app.waitFor(60, TimeUnit.SECONDS): "the app did not end after the server closed:\n${appOutput}"
        assert app.exitValue() == 0: appOutput
        assert appOutput.contains("closed the connection"): appOutput
        println "smoke test: the app printed the lines sent through ${serverOutput.readLines().find { it.startsWith('Line server') }}"
        appOutput.toString()
    } finally {
        server.destroyForcibly()
        app?.destroyForcibly()
    }
}

/**
 * java -jar with no flags at all (the manifest carries Add-Opens) against a line server made
 * here: the line is printed and the app ends with status 0 when the server closes.
 */
String javaJar(File dir, String java, String jar) {
    ServerSocket lineServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
    Process app = start(dir, [java, '-jar', jar, '127.0.0.1', String.valueOf(lineServer.localPort)])
    StringBuffer output = new StringBuffer()
    app.consumeProcessOutputStream(output)
    try {
        streamOneLine(lineServer, app, output, 'sent to java -jar', 120, 60)
        assert !output.contains('IllegalAccessError'): output
        output.toString()
    } finally {
        app.destroyForcibly()
        lineServer.close()
    }
}

/**
 * scripts/local-cluster.sh: a standalone master and worker on loopback, the thin jar submitted to
 * them, reading a line server made here. When the server closes, the app and the cluster stop.
 */
void localCluster(File dir) {
    ServerSocket clusterServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
    int masterPort = freePort()
    Process cluster = start(dir, ['scripts/local-cluster.sh', '127.0.0.1', String.valueOf(clusterServer.localPort)],
            [MASTER_PORT: String.valueOf(masterPort)])
    StringBuffer output = new StringBuffer()
    cluster.consumeProcessOutputStream(output)
    try {
        streamOneLine(clusterServer, cluster, output, 'line for the cluster', 300, 120)
        assert output.contains("Master running at spark://127.0.0.1:${masterPort}"): output
        assert output.contains('|line for the cluster|'): output
        def leftovers = 'ps -eo args'.execute().text.readLines().findAll { it.contains("${dir.path}/target/local-cluster") }
        assert leftovers.isEmpty(): "processes left running: ${leftovers}"
    } finally {
        cluster.destroyForcibly()
        clusterServer.close()
    }
}

/**
 * Lesson 5 on scripts/local-cluster.sh: the project's broker (exec:java@kafka-broker) on a free
 * port, data/sensors.csv sent to it (exec:java@kafka-send), then KafkaLinesApp submitted with
 * --class, its Kafka connector given with --jars, the cluster's own jars without it. Every line
 * sent is saved once; SIGTERM (as Ctrl-C) stops the app and the cluster.
 */
void localClusterKafka(File dir) {
    int brokerPort = freePort()
    int masterPort = freePort()
    String servers = "127.0.0.1:${brokerPort}"
    File saved = new File(dir, 'target/cluster-kafka')
    saved.deleteDir()
    Process broker = start(dir, [mvn(), '-B', '-q', '-o', 'exec:java\u0040kafka-broker', "-Dexec.args=${brokerPort}".toString()])
    StringBuffer brokerOutput = new StringBuffer()
    broker.consumeProcessOutputStream(brokerOutput)
    Process cluster = null
    StringBuffer output = new StringBuffer()
    try {
        await('the Kafka broker', 180) { brokerOutput.contains('Kafka broker ready') || !broker.alive }
        assert broker.alive: brokerOutput
        run(dir, [mvn(), '-B', '-q', '-o', 'exec:java\u0040kafka-send',
                "-Dexec.args=--bootstrap-servers ${servers} --file data/sensors.csv --rate 1000".toString()], [:], 180)
        int sent = new File(dir, 'data/sensors.csv').readLines().size()
        cluster = start(dir, ['scripts/local-cluster.sh', '--class', 'KafkaLinesApp', '--', '--bootstrap-servers', servers,
                '--output', new File(saved, 'lines').path, '--checkpoint', new File(saved, 'checkpoint').path],
                [MASTER_PORT: String.valueOf(masterPort)])
        cluster.consumeProcessOutputStream(output)
        await("the ${sent} records saved by the cluster", 300) { savedLines(new File(saved, 'lines')) >= sent || !cluster.alive }
        assert savedLines(new File(saved, 'lines')) == sent: output
        assert output.contains('KafkaLinesApp'): output
        List<String> sparkJars = new File(dir, 'target/local-cluster/spark-home/jars').list() as List<String>
        assert sparkJars.any { it.startsWith('spark-sql_') }: sparkJars
        assert sparkJars.findAll { it.contains('kafka') || it.startsWith('commons-pool2') }.isEmpty(): "the cluster's jars: ${sparkJars}"
        // SIGTERM through the handle, as Ctrl-C stops it: Process.destroy() would close its output under the reader.
        cluster.toHandle().destroy()
        assert cluster.waitFor(120, TimeUnit.SECONDS): output
        assert output.contains('Stopped, as you asked'): output
        def leftovers = 'ps -eo args'.execute().text.readLines().findAll { it.contains("${dir.path}/target/local-cluster") }
        assert leftovers.isEmpty(): "processes left running: ${leftovers}"
        println "local cluster: lesson 5 saved the ${sent} records sent to the broker at ${servers}"
    } finally {
        cluster?.destroyForcibly()
        broker.toHandle().destroy()
        if (!broker.waitFor(60, TimeUnit.SECONDS)) {
            broker.destroyForcibly()
        }
    }
}

/** The lines of the JSON files a file sink wrote to dir (its log, _spark_metadata, left out). */
int savedLines(File dir) {
    (dir.listFiles() ?: []).findAll { it.isFile() && it.name.endsWith('.json') }.sum(0) { it.readLines().size() } as int
}

/**
 * The app under test connects to the server, gets one line, prints it, and ends with status 0 once
 * the server closes the connection: within connectSeconds, then seconds for each of the rest.
 */
void streamOneLine(ServerSocket server, Process app, StringBuffer output, String line, long connectSeconds, long seconds) {
    Socket client = accept(server, app, output, connectSeconds)
    client.outputStream.write("${line}\n".getBytes('UTF-8'))
    client.outputStream.flush()
    await("the app to print '${line}'", seconds) { output.contains(line) || !app.alive }
    client.close()
    assert app.waitFor(seconds, TimeUnit.SECONDS): output
    assert app.exitValue() == 0: output
}

/**
 * Lesson 6 through its named runs, as the README has it: the project's broker (kafka-broker, on a
 * free port), alerts started before any payment, the sample and its malformed lines sent by the
 * project's producer (kafka-send), and a real browser, headless Chromium, on its Structured
 * Streaming page: the page lists the query, and its statistics page (the charts) is kept as a
 * screenshot, target/streaming-page.png, for a person to compare with the README's picture.
 */
void browserSeesStreamingPage(File dir) {
    String browser = ['chromium', 'chromium-browser'].find { name ->
        System.getenv('PATH').split(File.pathSeparator).any { new File(it, name).canExecute() }
    }
    assert browser: 'no chromium on the PATH: .ci/run installs it (apt-get install chromium)'
    File saved = new File(dir, 'target/ui-check')
    saved.deleteDir()
    int port = freePort()
    String servers = "127.0.0.1:${port}"
    Process broker = start(dir, [mvn(), '-B', '-q', '-o', 'exec:java\u0040kafka-broker', "-Dexec.args=${port}".toString()])
    StringBuffer brokerOutput = new StringBuffer()
    broker.consumeProcessOutputStream(brokerOutput)
    Process app = null
    try {
        await('the Kafka broker', 180) { brokerOutput.contains('Kafka broker ready') || !broker.alive }
        assert broker.alive: brokerOutput
        app = start(dir, [mvn(), '-B', '-q', '-o', 'exec:java\u0040alerts', ("-Dexec.args=--bootstrap-servers ${servers}"
                + ' --database target/ui-check/alerts --checkpoint target/ui-check/checkpoint').toString()])
        StringBuffer output = new StringBuffer()
        app.consumeProcessOutputStream(output)
        await('the address of the web UI and the wait for payments', 180) {
            (output.contains('/StreamingQuery/') && output.contains('Waiting for payments')) || !app.alive
        }
        String page = (output =~ 'http://localhost:[0-9]+/StreamingQuery/').with { it.find() ? it.group() : null }
        assert page: output
        ['data/transactions.csv', 'data/transactions-malformed.csv'].each { file ->
            run(dir, [mvn(), '-B', '-q', '-o', 'exec:java\u0040kafka-send', ("-Dexec.args=--bootstrap-servers ${servers}"
                    + " --topic payments --file ${file} --key-field 3 --rate 30").toString()], [:], 180)
        }
        await('both alerts and the rejected lines', 180) {
            (output.contains('ALERT card-1001') && output.contains('4 in all')) || !app.alive
        }
        assert output.contains('ALERT card-1018'): output

        String list = chromium(dir, browser, ['--dump-dom', page])
        assert list.contains('<td>fraud-alerts</td>') && list.contains('<td>rejected-lines</td>'): list
        String runId = (list =~ /(?s)<td>fraud-alerts<\/td>.*?statistics\/\?id=([0-9a-f-]+)/).with { it.find() ? it.group(1) : null }
        assert runId: list
        String statistics = "${page}statistics/?id=${runId}"
        String charts = chromium(dir, browser, ['--virtual-time-budget=5000', '--dump-dom', statistics])
        assert charts.contains('Streaming Query Statistics') && charts.contains('fraud-alerts') && charts.contains('Input Rate'): charts
        File png = new File(dir, 'target/streaming-page.png')
        png.delete()
        chromium(dir, browser, ['--hide-scrollbars', '--window-size=1280,2200', '--virtual-time-budget=5000',
                "--screenshot=${png.path}".toString(), statistics])
        assert png.length() > 10_000 && png.bytes[1..3] == 'PNG'.bytes as List: "no screenshot in ${png}"
        println "browser: ${page} lists the query; its charts are in ${png}"
    } finally {
        // SIGTERM through the handle, as Ctrl-C stops it: Process.destroy() would close its output under the reader.
        [app, broker].findAll { it != null }.each { Process process ->
            process.toHandle().destroy()
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly()
            }
        }
    }
}

/** Headless Chromium on one page, with a profile of its own; returns what it printed (the DOM, for --dump-dom). */
String chromium(File dir, String browser, List<String> arguments) {
    File profile = java.nio.file.Files.createTempDirectory(new File(dir, 'target').toPath(), 'chromium-').toFile()
    try {
        // --no-sandbox: Chromium's sandbox cannot start as root, as CI machines run, nor in most containers.
        Process process = start(dir, [browser, '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
                "--user-data-dir=${profile.path}".toString()] + arguments)
        StringBuffer printed = new StringBuffer()
        StringBuffer ignored = new StringBuffer()
        process.consumeProcessOutput(printed, ignored)
        assert process.waitFor(120, TimeUnit.SECONDS): "chromium ${arguments} hangs"
        process.waitForProcessOutput()
        assert process.exitValue() == 0: "chromium ${arguments} failed:\n${ignored}"
        printed.toString()
    } finally {
        profile.deleteDir()
    }
}

/**
 * The libraries a jar's manifest lists (Class-Path), each of which must be there, beside the jar:
 * the runnable jar's lib/, none for the thin jar that spark-submit runs.
 */
List<String> manifestLibraries(File jar) {
    String classPath = new java.util.jar.JarFile(jar).withCloseable { it.manifest.mainAttributes.getValue('Class-Path') }
    List<String> libraries = classPath ? classPath.trim().split(/\s+/) as List<String> : []
    libraries.each { assert new File(jar.parentFile, it).isFile(): "${jar.name} lists ${it}, which is not there" }
    libraries
}

/** The [WARNING] lines of a Maven build's output: a fresh project builds without any. */
List<String> warnings(String buildOutput) {
    buildOutput.readLines().findAll { it.contains('[WARNING]') }
}
