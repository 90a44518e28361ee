// Generated with defaults, then built with 'mvn verify' (its own tests ran). Check what was made.

File dir = context.projectDir

def settings = new File(dir, 'src/main/java/org/example/it/default_app/StreamSettings.java')
assert settings.exists(): 'package derived from groupId and artifactId'
assert settings.getText('UTF-8').contains('APP_NAME = "default-app"')
assert settings.getText('UTF-8').contains('DEFAULT_HOST = "localhost"')
assert settings.getText('UTF-8').contains('DEFAULT_PORT = 9999')

['.gitignore', '.gitattributes', '.mvn/jvm.config', 'README.md', 'src/main/resources/log4j2.properties'].each {
    assert new File(dir, it).exists(): "missing ${it}"
}
['scripts/netcat-server.sh', 'scripts/run.sh'].each {
    assert new File(dir, it).canExecute(): "${it} is not executable"
    assert !new File(dir, it).getText('UTF-8').contains('\r'): "${it} has CR line endings"
}
assert new File(dir, 'scripts/netcat-server.sh').getText('UTF-8').contains('PORT=9999')
assert new File(dir, 'target/default-app-0.1.0-SNAPSHOT.jar').exists(): 'runnable jar built'
assert new File(dir, 'target/surefire-reports').list().any { it.endsWith('SocketStreamAppEndToEndTest.txt') }

// Interactive mode: the same archetype (installed by invoker:install before this phase), answers
// typed on standard input. A typed package with a hyphen is asked again; Enter takes the default.
File interactiveDir = new File(dir.parentFile, 'interactive')
interactiveDir.deleteDir()
interactiveDir.mkdirs()
String mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
Process generate = new ProcessBuilder(mvn, '-q', 'org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate',
        '-DarchetypeCatalog=local', '-DarchetypeGroupId=io.github.sparkstarter',
        '-DarchetypeArtifactId=spark-socket-archetype', '-DarchetypeVersion=1.0.0-SNAPSHOT')
        .directory(interactiveDir).redirectErrorStream(true).start()
// groupId, artifactId, version (default), appName, package (refused, then default), confirm
generate.outputStream.withWriter('UTF-8') { it.write('org.example\ninteractive-app\n\nMy App\ncom.my-co\n\nY\n') }
String answers = generate.inputStream.getText('UTF-8')
assert generate.waitFor(120, java.util.concurrent.TimeUnit.SECONDS): answers
assert generate.exitValue() == 0: answers
assert answers.contains('Value does not match the expression'): 'the typed package with a hyphen was taken'
def interactiveSettings = new File(interactiveDir, 'interactive-app/src/main/java/org/example/interactive_app/StreamSettings.java')
assert interactiveSettings.getText('UTF-8').contains('APP_NAME = "My App"'): answers
assert interactiveSettings.getText('UTF-8').contains('DEFAULT_PORT = 9999')

// scripts/local-cluster.sh: a standalone master and worker on loopback, the thin jar submitted to
// them, reading a line server made here. When the server closes, the app and the cluster stop.
def clusterServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
int masterPort = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
def cluster = new ProcessBuilder('scripts/local-cluster.sh', '127.0.0.1', String.valueOf(clusterServer.localPort))
        .directory(dir).redirectErrorStream(true)
cluster.environment().put('MASTER_PORT', String.valueOf(masterPort))
def clusterRun = cluster.start()
def clusterOutput = new StringBuffer()
clusterRun.consumeProcessOutputStream(clusterOutput)
try {
    // Wait for the app to connect, but not for a script that has already failed.
    clusterServer.soTimeout = 1_000
    Socket client = null
    long connectBy = System.nanoTime() + 300_000_000_000L
    while (client == null) {
        try {
            client = clusterServer.accept()
        } catch (SocketTimeoutException notYet) {
            assert clusterRun.alive && System.nanoTime() < connectBy: "local-cluster.sh never connected:\n${clusterOutput}"
        }
    }
    client.outputStream.write('line for the cluster\n'.getBytes('UTF-8'))
    client.outputStream.flush()
    long deadline = System.nanoTime() + 120_000_000_000L
    while (!clusterOutput.toString().contains('line for the cluster') && clusterRun.alive) {
        assert System.nanoTime() < deadline: "no line from the cluster:\n${clusterOutput}"
        Thread.sleep(100)
    }
    client.close()
    assert clusterRun.waitFor(120, java.util.concurrent.TimeUnit.SECONDS): clusterOutput
    assert clusterRun.exitValue() == 0: clusterOutput
    assert clusterOutput.toString().contains("Master running at spark://127.0.0.1:${masterPort}"): clusterOutput
    assert clusterOutput.toString().contains('|line for the cluster|'): clusterOutput
    def leftovers = 'ps -eo args'.execute().text.readLines().findAll { it.contains("${dir.path}/target/local-cluster") }
    assert leftovers.isEmpty(): "processes left running: ${leftovers}"
} finally {
    clusterRun.destroyForcibly()
    clusterServer.close()
}

// scripts/send-sample.sh replays a data file once the app connects, then closes the connection.
int samplePort = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
def sender = new ProcessBuilder('scripts/send-sample.sh', 'data/sensors.csv', '1000', String.valueOf(samplePort))
        .directory(dir).redirectErrorStream(true).start()
def senderOutput = new StringBuffer()
sender.consumeProcessOutputStream(senderOutput)
try {
    Socket app = null
    long connectBy = System.nanoTime() + 120_000_000_000L
    while (app == null) {
        try {
            app = new Socket(InetAddress.getLoopbackAddress(), samplePort)
        } catch (ConnectException notYet) {
            assert sender.alive && System.nanoTime() < connectBy: "no line server from send-sample.sh:\n${senderOutput}"
            Thread.sleep(200)
        }
    }
    app.soTimeout = 60_000
    List<String> received = app.inputStream.newReader('UTF-8').readLines()
    assert received == new File(dir, 'data/sensors.csv').readLines('UTF-8'): 'the file did not arrive whole'
    assert sender.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && sender.exitValue() == 0: senderOutput
} finally {
    sender.destroyForcibly()
}

// Windows scripts keep CRLF line endings, whatever system generated the project.
['scripts/run.cmd', 'scripts/line-server.cmd'].each {
    String text = new File(dir, it).getText('UTF-8')
    assert text.count('\n') == text.count('\r\n'): "${it} lacks CRLF line endings"
}

// The archetype plugin takes anything but true as a failure.
true
