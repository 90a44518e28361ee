// Generated with custom parameters and built with 'mvn verify'. Then the smoke test: the real jar,
// started by scripts/run.sh, streams what is typed into the real scripts/netcat-server.sh, on the
// generated host and port.
import java.nio.charset.StandardCharsets
import java.util.concurrent.TimeUnit

File dir = context.projectDir
def settings = new File(dir, 'src/main/java/org/example/it/custom/StreamSettings.java').getText('UTF-8')
assert settings.contains('APP_NAME = "Strömung 流 Demo_1.0"')
assert settings.contains('DEFAULT_HOST = "127.0.0.1"')
assert settings.contains('DEFAULT_PORT = 12345')
assert new File(dir, 'pom.xml').getText('UTF-8').contains('<name>Strömung 流 Demo_1.0</name>')

// The line server is ready when the port is in LISTEN state (Linux /proc), checked without
// connecting: a probe connection would take the data meant for the app.
boolean listening(int port) {
    String hexPort = String.format(':%04X ', port)
    ['/proc/net/tcp', '/proc/net/tcp6'].any { table ->
        def file = new File(table)
        file.exists() && file.readLines().drop(1).any { it.trim().split(/\s+/)[1].endsWith(hexPort.trim()) && it.trim().split(/\s+/)[3] == '0A' }
    }
}

void await(String what, long seconds, Closure<Boolean> condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
    while (!condition()) {
        assert System.nanoTime() < deadline: "timed out after ${seconds}s waiting for ${what}"
        Thread.sleep(100)
    }
}

def server = new ProcessBuilder('scripts/netcat-server.sh').directory(dir).redirectErrorStream(true).start()
def serverOutput = new StringBuffer()
server.consumeProcessOutputStream(serverOutput)
def app = null
try {
    await('the line server on port 12345', 30) { listening(12345) }
    // scripts/run.sh runs the jar that 'mvn verify' built, with the flags of .mvn/jvm.config.
    app = new ProcessBuilder('scripts/run.sh')
            .directory(dir).redirectErrorStream(true).start()
    def appOutput = new StringBuffer()
    app.consumeProcessOutputStream(appOutput)
    await('the app to start streaming', 120) { appOutput.contains('Streaming from 127.0.0.1:12345') || !app.alive }

    server.outputStream.withWriter('UTF-8') { it.write('hello from netcat\nnon-ASCII: grüße 你好\n') }
    await('the lines in the console output', 60) { appOutput.toString().contains('non-ASCII: grüße 你好') || !app.alive }
    assert appOutput.toString().contains('hello from netcat'): appOutput
    println "smoke test: the app printed the lines sent through ${serverOutput.toString().readLines().find { it.startsWith('Line server') }}"

    // Closing the server ends the app by itself, with status 0.
    server.destroy()
    assert app.waitFor(60, TimeUnit.SECONDS): "the app did not end after the server closed:\n${appOutput}"
    assert app.exitValue() == 0: appOutput
    assert appOutput.toString().contains('The server at 127.0.0.1:12345 closed the connection'): appOutput
} finally {
    server.destroyForcibly()
    app?.destroyForcibly()
}

// java -jar with no flags at all: the manifest carries Add-Opens. A line server made here.
def jarFile = new java.util.jar.JarFile(new File(dir, 'target/custom-app-1.2.3.jar'))
assert jarFile.getEntry('org/apache/spark/sql/SparkSession.class') != null: 'the fat jar holds Spark'
jarFile.close()
def lineServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
def plainJava = new ProcessBuilder('java', '-jar', 'target/custom-app-1.2.3.jar', '127.0.0.1', String.valueOf(lineServer.localPort))
        .directory(dir).redirectErrorStream(true).start()
def plainOutput = new StringBuffer()
plainJava.consumeProcessOutputStream(plainOutput)
try {
    lineServer.soTimeout = 1_000
    Socket client = null
    long connectBy = System.nanoTime() + 120_000_000_000L
    while (client == null) {
        try {
            client = lineServer.accept()
        } catch (SocketTimeoutException notYet) {
            assert plainJava.alive && System.nanoTime() < connectBy: "java -jar never connected:\n${plainOutput}"
        }
    }
    client.outputStream.write('sent to java -jar\n'.getBytes('UTF-8'))
    client.outputStream.flush()
    await('java -jar to print the line', 60) { plainOutput.toString().contains('sent to java -jar') || !plainJava.alive }
    client.close()
    assert plainJava.waitFor(60, TimeUnit.SECONDS): plainOutput
    assert plainJava.exitValue() == 0: plainOutput
    assert !plainOutput.toString().contains('IllegalAccessError'): plainOutput
} finally {
    plainJava.destroyForcibly()
    lineServer.close()
}

// mvn -Pcluster package: a thin jar for spark-submit, without Spark.
String mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def thin = new ProcessBuilder(mvn, '-q', '-B', '-Pcluster', 'package', '-DskipTests').directory(dir).redirectErrorStream(true).start()
String thinLog = thin.inputStream.getText('UTF-8')
assert thin.waitFor(300, TimeUnit.SECONDS) && thin.exitValue() == 0: thinLog
jarFile = new java.util.jar.JarFile(new File(dir, 'target/custom-app-1.2.3-thin.jar'))
assert jarFile.getEntry('org/apache/spark/sql/SparkSession.class') == null: 'the thin jar holds Spark'
assert jarFile.getEntry('org/example/it/custom/SocketStreamApp.class') != null
jarFile.close()
jarFile = new java.util.jar.JarFile(new File(dir, 'target/custom-app-1.2.3.jar'))
assert jarFile.getEntry('org/apache/spark/sql/SparkSession.class') != null: 'the fat jar lost Spark'
jarFile.close()

// The archetype plugin takes anything but true as a failure.
true
